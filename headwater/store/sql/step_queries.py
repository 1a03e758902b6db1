"""Reading step runs: by id, from the cache, the previous execution, and pages of them.

A step run comes back with everything attached to it (inputs, outputs, metadata), which
one UNION query fetches for one step run or for a whole page.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    String,
    Uuid,
    bindparam,
    cast,
    literal,
    null,
    select,
    union_all,
)

from headwater.errors import EntityNotFoundError
from headwater.store.collection_pause import collection_paused
from headwater.store.listings import STEP_RUNS
from headwater.store.models import (
    ExecutionStatus,
    MetadataTarget,
    Page,
    StepRun,
)
from headwater.store.sql.column_types import JsonValue
from headwater.store.sql.compiling import one_of
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    RelatedFilter,
    project_column,
    project_via,
    where_clauses,
)
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.prepared import Executor, PreparedStatement
from headwater.store.sql.schema import (
    metadata_entries,
    pipelines,
    runs,
    step_run_inputs,
    step_run_outputs,
    step_runs,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_Condition = Callable[[ColumnElement[uuid.UUID]], ColumnElement[bool]]


def _attached(condition: _Condition) -> CompoundSelect[Any]:
    """Inputs, outputs and metadata of the step runs matching `condition`, as one list."""
    inputs, outputs, entries = step_run_inputs, step_run_outputs, metadata_entries
    no_type, no_value = cast(null(), String).label("type"), cast(null(), JsonValue()).label("value")
    return union_all(
        select(
            literal("in").label("part"),
            inputs.c.step_run_id,
            inputs.c.name,
            inputs.c.artifact_version_id,
            inputs.c.position,
            no_type,
            no_value,
        ).where(condition(inputs.c.step_run_id)),
        select(
            literal("out"),
            outputs.c.step_run_id,
            outputs.c.name,
            outputs.c.artifact_version_id,
            outputs.c.position,
            no_type,
            no_value,
        ).where(condition(outputs.c.step_run_id)),
        select(
            literal("meta"),
            entries.c.target_id,
            entries.c.key,
            cast(null(), Uuid),
            literal(0),
            entries.c.type,
            entries.c.value,
        ).where(
            entries.c.target_kind == MetadataTarget.STEP_RUN.value,
            condition(entries.c.target_id),
        ),
    )


_SELECT_ATTACHED_TO_ONE = PreparedStatement(
    _attached(lambda column: column == bindparam("step_run_id")),
    name="step_queries.select_attached_to_one",
)
# Step runs per read of what is attached to many: three times this many bound values.
_ATTACHED_CHUNK = 500
_SELECT_BY_ID = PreparedStatement(
    select(step_runs).where(step_runs.c.id == bindparam("step_run_id")),
    name="step_queries.select_by_id",
)
_SELECT_CACHED = PreparedStatement(
    select(step_runs)
    .where(
        step_runs.c.cache_key == bindparam("cache_key"),
        step_runs.c.status == ExecutionStatus.COMPLETED.value,
    )
    .order_by(step_runs.c.created.desc(), step_runs.c.id.desc())
    .limit(1),
    name="step_queries.select_cached",
)
_SELECT_PREVIOUS = PreparedStatement(
    select(step_runs)
    .join(runs, runs.c.id == step_runs.c.run_id)
    .join(pipelines, pipelines.c.id == runs.c.pipeline_id)
    .where(
        step_runs.c.name == bindparam("step_name"),
        pipelines.c.name == bindparam("pipeline_name"),
        step_runs.c.created < bindparam("before"),
        one_of(
            step_runs.c.status,
            [ExecutionStatus.COMPLETED.value, ExecutionStatus.FAILED.value],
        ),
    )
    .order_by(step_runs.c.created.desc(), step_runs.c.id.desc())
    .limit(1),
    name="step_queries.select_previous",
)
_LISTING = Listing(
    declared=STEP_RUNS,
    filters={
        "id": ColumnFilter(step_runs.c.id, FieldKind.ID),
        "run_id": ColumnFilter(step_runs.c.run_id, FieldKind.ID),
        "name": ColumnFilter(step_runs.c.name, FieldKind.TEXT),
        "status": ColumnFilter(step_runs.c.status, FieldKind.STATUS),
        "cache_key": ColumnFilter(step_runs.c.cache_key, FieldKind.TEXT),
        "original_step_run_id": ColumnFilter(step_runs.c.original_step_run_id, FieldKind.ID),
        "peak_memory_bytes": ColumnFilter(step_runs.c.peak_memory_bytes, FieldKind.INTEGER),
        "created": ColumnFilter(step_runs.c.created, FieldKind.DATETIME),
        "started": ColumnFilter(step_runs.c.started, FieldKind.DATETIME),
        "ended": ColumnFilter(step_runs.c.ended, FieldKind.DATETIME),
        # The step runs that read an artifact version, in any run (its consumers).
        "input_artifact_version_id": RelatedFilter(
            step_run_inputs.c.artifact_version_id,
            FieldKind.ID,
            foreign_key=step_runs.c.id,
            related_id=step_run_inputs.c.step_run_id,
        ),
    },
    sort_columns={
        "created": step_runs.c.created,
        "name": step_runs.c.name,
        "status": step_runs.c.status,
        "started": step_runs.c.started,
        "ended": step_runs.c.ended,
    },
    id_column=step_runs.c.id,
    table=step_runs,
    source=step_runs,
    project=project_via(step_runs.c.run_id, runs.c.id, project_column(runs.c.project_id)),
)


def get_step_run(connection: Executor, step_run_id: uuid.UUID) -> StepRun:
    """One step run with its inputs, outputs and metadata.

    Raises:
        EntityNotFoundError: there is no step run with that id.
    """
    row = _SELECT_BY_ID.first(connection, {"step_run_id": step_run_id})
    if row is None:
        raise step_run_not_found(step_run_id)
    return step_run_from_row(connection, row)


def find_cached_step_run(connection: Executor, cache_key: str) -> StepRun | None:
    """The newest completed step run with this cache key."""
    row = _SELECT_CACHED.first(connection, {"cache_key": cache_key})
    return None if row is None else step_run_from_row(connection, row)


def find_previous_step_run(
    connection: Executor, step_name: str, pipeline_name: str, before: dt.datetime
) -> StepRun | None:
    """The newest executed (completed or failed) run of a step of a pipeline before a time."""
    row = _SELECT_PREVIOUS.first(
        connection, {"step_name": step_name, "pipeline_name": pipeline_name, "before": before}
    )
    return None if row is None else step_run_from_row(connection, row)


def list_step_runs(connection: Connection, query: ListQuery) -> Page[StepRun]:
    """A page of step runs matching the query, with inputs, outputs and metadata."""
    clauses = where_clauses(_LISTING, query)
    rows, total = fetch_page(connection, _LISTING, select(step_runs), query, clauses)
    found = [row._mapping for row in rows]
    with collection_paused():
        items = _step_runs(found, _group(_attached_to_many(connection, [r["id"] for r in found])))
    return Page(items=tuple(items), index=query.index, size=query.size, total=total)


def step_run_from_row(connection: Executor, row: Mapping[str, Any]) -> StepRun:
    """The step run in a `step_runs` row, with what is attached to it loaded."""
    attached = _SELECT_ATTACHED_TO_ONE.execute_tuples(connection, {"step_run_id": row["id"]})
    return _step_runs([row], _group(attached))[0]


def _attached_to_many(connection: Connection, ids: list[uuid.UUID]) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), _ATTACHED_CHUNK):
        chunk = ids[start : start + _ATTACHED_CHUNK]
        # Compiled for this chunk alone: the driver path skips SQLAlchemy's per-row work.
        statement = PreparedStatement(_attached(lambda column: one_of(column, chunk)))  # noqa: B023
        rows.extend(statement.execute_tuples(connection, {}))
    return rows


def step_run_not_found(step_run_id: uuid.UUID) -> EntityNotFoundError:
    """The error for a step run that is not there."""
    return EntityNotFoundError(
        f"No step run with id '{step_run_id}'. A run's steps are listed by "
        f"`headwater runs get <run>`."
    )


class _Attached:
    """What one step run has attached: input and output links, metadata."""

    __slots__ = ("inputs", "metadata", "outputs")

    def __init__(self) -> None:
        self.inputs: dict[str, uuid.UUID] = {}
        self.outputs: dict[str, uuid.UUID] = {}
        self.metadata: dict[str, dict[str, Any]] = {}


def _group(rows: Iterable[Sequence[Any]]) -> dict[uuid.UUID, _Attached]:
    """Group `_attached` rows, given as tuples in its column order, by step run.

    Tuples, not mappings: a comparison of 100 runs reads 50,000 of these rows.
    """
    grouped: dict[uuid.UUID, _Attached] = defaultdict(_Attached)
    # Links in the order the step declared them; metadata by key, for a stable order.
    for part, step_run_id, name, version_id, _position, kind, value in sorted(
        rows, key=itemgetter(4, 2)
    ):
        attached = grouped[step_run_id]
        if part == "in":
            attached.inputs[name] = version_id
        elif part == "out":
            attached.outputs[name] = version_id
        else:
            # Plain data: the step run's own validation builds the entries, in one pass.
            attached.metadata[name] = {"key": name, "type": kind, "value": value}
    return grouped


def _step_runs(
    rows: Sequence[Mapping[Any, Any]], attached: dict[uuid.UUID, _Attached]
) -> list[StepRun]:
    empty = _Attached()
    steps = []
    for row in rows:
        extra = attached.get(row["id"], empty)
        # From a mapping, so pydantic builds the metadata entries in the same pass.
        steps.append(
            StepRun.model_validate(
                {
                    "id": row["id"],
                    "run_id": row["run_id"],
                    "name": row["name"],
                    "status": row["status"],
                    "created": row["created"],
                    "started": row["started"],
                    "ended": row["ended"],
                    "cache_key": row["cache_key"],
                    "cache_components": row["cache_components"],
                    "parameters": row["parameters"],
                    "source_code": row["source_code"],
                    "original_step_run_id": row["original_step_run_id"],
                    "log_uri": row["log_uri"],
                    "cpu_seconds": row["cpu_seconds"],
                    "peak_memory_bytes": row["peak_memory_bytes"],
                    "exception": row["exception"],
                    "inputs": extra.inputs,
                    "outputs": extra.outputs,
                    "metadata": extra.metadata,
                }
            )
        )
    return steps
