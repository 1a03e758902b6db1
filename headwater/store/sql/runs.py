"""Pipeline runs: creation (with everything they need on first use), status, listing."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, select

from headwater.errors import (
    EntityInUseError,
)
from headwater.store.listings import RUNS
from headwater.store.models import (
    ExecutionStatus,
    MetadataTarget,
    Page,
    PipelineRun,
)
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    RelatedFilter,
    project_column,
    where_clauses,
)
from headwater.store.sql.metadata_entries import (
    delete_metadata,
    load_metadata,
    metadata_filter,
    metadata_sort,
)
from headwater.store.sql.metadata_expressions import run_expression_filter
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.recording.rows import as_id
from headwater.store.sql.recording.runs import run_from_row, run_not_found, run_status, select_runs
from headwater.store.sql.schema import pipelines, run_stacks, run_tags, runs, step_runs, users
from headwater.store.sql.tags import load_tags, tag_filter

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_FROM = runs.join(pipelines, pipelines.c.id == runs.c.pipeline_id).outerjoin(
    users, users.c.id == runs.c.user_id
)
_SELECT_RUNS: Select[Any] = select_runs()
_LISTING = Listing(
    declared=RUNS,
    filters={
        "id": ColumnFilter(runs.c.id, FieldKind.ID),
        "name": ColumnFilter(runs.c.name, FieldKind.TEXT),
        "pipeline_id": ColumnFilter(runs.c.pipeline_id, FieldKind.ID),
        "pipeline_version_id": ColumnFilter(runs.c.pipeline_version_id, FieldKind.ID),
        "project_id": ColumnFilter(runs.c.project_id, FieldKind.ID),
        "user_id": ColumnFilter(runs.c.user_id, FieldKind.ID),
        "pipeline_name": RelatedFilter(
            pipelines.c.name, FieldKind.TEXT, runs.c.pipeline_id, pipelines.c.id
        ),
        "status": ColumnFilter(runs.c.status, FieldKind.STATUS),
        "created": ColumnFilter(runs.c.created, FieldKind.DATETIME),
        "started": ColumnFilter(runs.c.started, FieldKind.DATETIME),
        "ended": ColumnFilter(runs.c.ended, FieldKind.DATETIME),
        "tag": tag_filter(run_tags, runs.c.id),
        "user_name": RelatedFilter(users.c.name, FieldKind.TEXT, runs.c.user_id, users.c.id),
        "orchestrator": ColumnFilter(runs.c.orchestrator, FieldKind.TEXT),
        "stack_id": RelatedFilter(
            run_stacks.c.stack_id, FieldKind.ID, runs.c.id, run_stacks.c.run_id
        ),
    },
    sort_columns={
        "created": runs.c.created,
        "name": runs.c.name,
        "status": runs.c.status,
        "started": runs.c.started,
        "ended": runs.c.ended,
        "pipeline_name": pipelines.c.name,
    },
    id_column=runs.c.id,
    table=runs,
    source=_FROM,
    project=project_column(runs.c.project_id),
    metadata_sort=metadata_sort(MetadataTarget.RUN, runs.c.id),
)
_METADATA_FILTER = metadata_filter(MetadataTarget.RUN, runs.c.id)
_WHERE = run_expression_filter(runs.c.id)


def get_run(connection: Connection, run_id_or_name: uuid.UUID | str) -> PipelineRun:
    """A run by id or name (a name shared by runs of several projects: the newest).

    Raises:
        EntityNotFoundError: no run has that id or name.
    """
    run_id = as_id(run_id_or_name)
    row = None
    if run_id is not None:
        row = connection.execute(_SELECT_RUNS.where(runs.c.id == run_id)).first()
    if row is None and isinstance(run_id_or_name, str):
        statement = _SELECT_RUNS.where(runs.c.name == run_id_or_name)
        row = connection.execute(statement.order_by(runs.c.created.desc()).limit(1)).first()
    if row is None:
        raise run_not_found(run_id_or_name)
    return _runs_from_rows(connection, [row])[0]


def list_runs(connection: Connection, query: ListQuery) -> Page[PipelineRun]:
    """A page of runs matching the query, with tags and metadata."""
    clauses = where_clauses(
        _LISTING, query, metadata=_METADATA_FILTER, where=_WHERE, connection=connection
    )
    rows, total = fetch_page(connection, _LISTING, _SELECT_RUNS, query, clauses)
    items = tuple(_runs_from_rows(connection, rows))
    return Page(items=items, index=query.index, size=query.size, total=total)


def delete_run(connection: Connection, run_id: uuid.UUID) -> None:
    """Delete a run, its step runs, links and metadata; artifact versions stay.

    Raises:
        EntityNotFoundError: there is no run with that id.
        EntityInUseError: the run has not ended (it is initializing or running).
    """
    found = run_status(connection, run_id)
    if found is None:
        raise run_not_found(run_id)
    if not ExecutionStatus(found["status"]).is_finished:
        raise EntityInUseError(
            f"Run '{found['name']}' is {found['status']}, so it cannot be deleted while it "
            f"runs. Stop it first with `headwater runs stop {found['name']}`, then delete it."
        )
    step_ids = list(
        connection.execute(select(step_runs.c.id).where(step_runs.c.run_id == run_id)).scalars()
    )
    delete_metadata(connection, MetadataTarget.STEP_RUN, step_ids)
    delete_metadata(connection, MetadataTarget.RUN, [run_id])
    if connection.execute(runs.delete().where(runs.c.id == run_id)).rowcount == 0:
        raise run_not_found(run_id)


def _runs_from_rows(
    connection: Connection, rows: Sequence[Row[*tuple[Any, ...]]]
) -> list[PipelineRun]:
    ids = [row.id for row in rows]
    tags = load_tags(connection, run_tags, ids)
    metadata = load_metadata(connection, MetadataTarget.RUN, ids)
    return [
        run_from_row(row._mapping, tags=tags.get(row.id, ()), metadata=metadata.get(row.id, {}))
        for row in rows
    ]
