"""Pages of step runs (`recording.step_reads` reads single ones on the runner's path).

A step run comes back with everything attached to it (inputs, outputs, metadata), which
one UNION query fetches for one step run or for a whole page.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    select,
)

from headwater.store.collection_pause import collection_paused
from headwater.store.listings import STEP_RUNS
from headwater.store.models import (
    Page,
    StepRun,
)
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
from headwater.store.sql.prepared import PreparedStatement
from headwater.store.sql.recording.step_reads import (
    attached_select,
    group_attached,
    step_runs_from_rows,
)
from headwater.store.sql.schema import (
    runs,
    step_run_inputs,
    step_runs,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

# Step runs per read of what is attached to many: three times this many bound values.
_ATTACHED_CHUNK = 500
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


def list_step_runs(connection: Connection, query: ListQuery) -> Page[StepRun]:
    """A page of step runs matching the query, with inputs, outputs and metadata."""
    clauses = where_clauses(_LISTING, query)
    rows, total = fetch_page(connection, _LISTING, select(step_runs), query, clauses)
    found = [row._mapping for row in rows]
    with collection_paused():
        attached = _attached_to_many(connection, [row["id"] for row in found])
        items = step_runs_from_rows(found, group_attached(attached))
    return Page(items=tuple(items), index=query.index, size=query.size, total=total)


def _attached_to_many(connection: Connection, ids: list[uuid.UUID]) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), _ATTACHED_CHUNK):
        chunk = ids[start : start + _ATTACHED_CHUNK]
        # Compiled for this chunk alone: the driver path skips SQLAlchemy's per-row work.
        statement = PreparedStatement(attached_select(lambda column: one_of(column, chunk)))  # noqa: B023
        rows.extend(statement.execute_tuples(connection, {}))
    return rows
