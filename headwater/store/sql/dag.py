"""The run DAG in four queries whatever the run's size: steps, edges, artifacts, run."""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter
from sqlalchemy import literal, select, union_all

from headwater.errors import InvalidValueError
from headwater.store.dag import MAX_PATCH_STEPS, DagArtifact, DagEdge, DagStep, EdgeKind, RunDag
from headwater.store.sql import runs
from headwater.store.sql.schema import (
    artifact_versions,
    artifacts,
    step_run_inputs,
    step_run_outputs,
    step_runs,
)

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlalchemy import ColumnElement
    from sqlalchemy.engine import Connection, CursorResult


def _of_steps(run_id: uuid.UUID, step_run_ids: Collection[uuid.UUID] | None) -> ColumnElement[bool]:
    """The step runs a query covers: all of the run's, or those of `step_run_ids` in it."""
    condition = step_runs.c.run_id == run_id
    return condition if step_run_ids is None else condition & step_runs.c.id.in_(step_run_ids)


def _links_of_run(run_id: uuid.UUID, step_run_ids: Collection[uuid.UUID] | None = None) -> Any:
    """Input and output links of the run's step runs (or of some), as one UNION."""
    parts = []
    for kind, table in ((EdgeKind.INPUT, step_run_inputs), (EdgeKind.OUTPUT, step_run_outputs)):
        parts.append(
            select(
                literal(kind.value).label("kind"),
                table.c.step_run_id,
                table.c.artifact_version_id,
                table.c.name,
                table.c.position,
            )
            .join(step_runs, step_runs.c.id == table.c.step_run_id)
            .where(_of_steps(run_id, step_run_ids))
        )
    return union_all(*parts)


def get_run_dag(connection: Connection, run_id: uuid.UUID) -> RunDag:
    """A run's DAG: one query each for the run, its steps, its links and its artifacts.

    Raises:
        EntityNotFoundError: there is no run with that id.
    """
    return _dag_of(connection, run_id, None)


def get_run_dag_steps(
    connection: Connection, run_id: uuid.UUID, step_run_ids: Collection[uuid.UUID]
) -> RunDag:
    """The part of a run's DAG about some of its step runs, in the same four queries.

    Raises:
        EntityNotFoundError: there is no run with that id.
        InvalidValueError: more than `MAX_PATCH_STEPS` step runs are asked for.
    """
    if len(step_run_ids) > MAX_PATCH_STEPS:
        raise InvalidValueError(
            f"A DAG patch covers at most {MAX_PATCH_STEPS} step runs, not {len(step_run_ids)}."
        )
    return _dag_of(connection, run_id, set(step_run_ids))


def _dag_of(
    connection: Connection, run_id: uuid.UUID, step_run_ids: set[uuid.UUID] | None
) -> RunDag:
    run = runs.get_run(connection, run_id)
    steps = _steps(connection, run.id, step_run_ids)
    links = connection.execute(_links_of_run(run.id, step_run_ids)).all()
    edges = _adapters().edges.validate_python(
        [
            {
                "kind": row.kind,
                "step_run_id": row.step_run_id,
                "artifact_version_id": row.artifact_version_id,
                "name": row.name,
            }
            for row in sorted(links, key=lambda r: (r.kind, r.position, r.name))
        ]
    )
    return RunDag.model_construct(
        run=run,
        steps=steps,
        artifacts=_artifacts(connection, run.id, step_run_ids),
        edges=edges,
    )


@dataclass(frozen=True, slots=True)
class _Adapters:
    """Validators of whole lists: one call into pydantic-core per list, not per row,
    about four times faster than `model_construct` for each of 10,000s of rows."""

    steps: TypeAdapter[tuple[DagStep, ...]]
    artifacts: TypeAdapter[tuple[DagArtifact, ...]]
    edges: TypeAdapter[tuple[DagEdge, ...]]


@functools.cache
def _adapters() -> _Adapters:
    # Built on first use, not at import: every `headwater` command imports the store.
    return _Adapters(
        steps=TypeAdapter(tuple[DagStep, ...]),
        artifacts=TypeAdapter(tuple[DagArtifact, ...]),
        edges=TypeAdapter(tuple[DagEdge, ...]),
    )


def _steps(
    connection: Connection, run_id: uuid.UUID, step_run_ids: set[uuid.UUID] | None
) -> tuple[DagStep, ...]:
    c = step_runs.c
    rows = connection.execute(
        select(
            c.id,
            c.name,
            c.status,
            c.created,
            c.started,
            c.ended,
            c.cache_key,
            c.original_step_run_id,
            c.cpu_seconds,
            c.peak_memory_bytes,
        )
        .where(_of_steps(run_id, step_run_ids))
        .order_by(c.created, c.id)
    )
    return _adapters().steps.validate_python(_as_dicts(rows))


def _artifacts(
    connection: Connection, run_id: uuid.UUID, step_run_ids: set[uuid.UUID] | None
) -> tuple[DagArtifact, ...]:
    linked = _links_of_run(run_id, step_run_ids).subquery()
    c = artifact_versions.c
    rows = connection.execute(
        select(
            c.id,
            artifacts.c.name.label("artifact_name"),
            c.version,
            c.data_type,
            c.size_bytes,
            c.content_hash,
            c.producer_step_run_id,
        )
        .join(artifacts, artifacts.c.id == c.artifact_id)
        .where(c.id.in_(select(linked.c.artifact_version_id)))
        .order_by(c.created, c.id)
    )
    return _adapters().artifacts.validate_python(_as_dicts(rows))


def _as_dicts(result: CursorResult[Any]) -> list[dict[str, Any]]:
    """Rows as dicts keyed by column label (`Row._asdict` costs three times as much)."""
    keys = tuple(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]
