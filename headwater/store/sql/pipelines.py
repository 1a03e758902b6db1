"""Pipelines and their versions (one per distinct spec hash), projects and users."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select

from headwater.errors import EntityInUseError, EntityNotFoundError
from headwater.store.listings import PIPELINE_VERSIONS, PIPELINES
from headwater.store.models import (
    ExecutionStatus,
    MetadataTarget,
    Page,
    Pipeline,
    PipelineVersion,
    PipelineVersionSummary,
    RunReference,
)
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    project_column,
    project_via,
    where_clauses,
)
from headwater.store.sql.metadata_entries import delete_metadata
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.recording.rows import as_id as as_id
from headwater.store.sql.recording.runs import count_run as count_run
from headwater.store.sql.recording.runs import ensure_pipeline as ensure_pipeline
from headwater.store.sql.recording.runs import ensure_pipeline_version as ensure_pipeline_version
from headwater.store.sql.recording.runs import ensure_project as ensure_project
from headwater.store.sql.recording.runs import ensure_user as ensure_user
from headwater.store.sql.schema import (
    pipeline_versions,
    pipelines,
    runs,
    step_runs,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_LISTING = Listing(
    declared=PIPELINES,
    filters={
        "id": ColumnFilter(pipelines.c.id, FieldKind.ID),
        "name": ColumnFilter(pipelines.c.name, FieldKind.TEXT),
        "project_id": ColumnFilter(pipelines.c.project_id, FieldKind.ID),
        "created": ColumnFilter(pipelines.c.created, FieldKind.DATETIME),
    },
    sort_columns={"created": pipelines.c.created, "name": pipelines.c.name},
    id_column=pipelines.c.id,
    table=pipelines,
    source=pipelines,
    project=project_column(pipelines.c.project_id),
)
_VERSION_LISTING = Listing(
    declared=PIPELINE_VERSIONS,
    filters={
        "id": ColumnFilter(pipeline_versions.c.id, FieldKind.ID),
        "pipeline_id": ColumnFilter(pipeline_versions.c.pipeline_id, FieldKind.ID),
        "version": ColumnFilter(pipeline_versions.c.version, FieldKind.INTEGER),
        "spec_hash": ColumnFilter(pipeline_versions.c.spec_hash, FieldKind.TEXT),
        "created": ColumnFilter(pipeline_versions.c.created, FieldKind.DATETIME),
    },
    sort_columns={"version": pipeline_versions.c.version, "created": pipeline_versions.c.created},
    id_column=pipeline_versions.c.id,
    table=pipeline_versions,
    source=pipeline_versions,
    project=project_via(
        pipeline_versions.c.pipeline_id, pipelines.c.id, project_column(pipelines.c.project_id)
    ),
)
_PIPELINE_COLUMNS = (pipelines.c.id, pipelines.c.project_id, pipelines.c.name, pipelines.c.created)


def get_pipeline(connection: Connection, name_or_id: uuid.UUID | str) -> Pipeline:
    """A pipeline by id or name.

    Raises:
        EntityNotFoundError: no pipeline has that id or name.
    """
    pipeline_id = as_id(name_or_id)
    statement = select(*_PIPELINE_COLUMNS)
    if pipeline_id is not None:
        statement = statement.where(pipelines.c.id == pipeline_id)
    else:
        statement = statement.where(pipelines.c.name == str(name_or_id))
    row = connection.execute(statement.order_by(pipelines.c.created).limit(1)).first()
    if row is None:
        raise EntityNotFoundError(
            f"No pipeline with id or name '{name_or_id}'. List pipelines with "
            f"`headwater pipelines list`."
        )
    return _pipeline(row)


def list_pipelines(connection: Connection, query: ListQuery) -> Page[Pipeline]:
    """A page of pipelines matching the query."""
    clauses = where_clauses(_LISTING, query)
    rows, total = fetch_page(connection, _LISTING, select(*_PIPELINE_COLUMNS), query, clauses)
    items = tuple(_pipeline(row) for row in rows)
    return Page(items=items, index=query.index, size=query.size, total=total)


def get_pipeline_version(connection: Connection, version_id: uuid.UUID) -> PipelineVersion:
    """One recorded structure of a pipeline.

    Raises:
        EntityNotFoundError: no pipeline version has that id.
    """
    row = connection.execute(
        select(pipeline_versions).where(pipeline_versions.c.id == version_id)
    ).first()
    if row is None:
        raise EntityNotFoundError(
            f"No pipeline version with id '{version_id}'. A run's `pipeline_version_id` "
            f"names the version it ran."
        )
    return _version(row)


def list_pipeline_versions(
    connection: Connection, query: ListQuery
) -> Page[PipelineVersionSummary]:
    """A page of pipeline versions with their run counts and first and last runs."""
    clauses = where_clauses(_VERSION_LISTING, query)
    rows, total = fetch_page(
        connection, _VERSION_LISTING, select(pipeline_versions), query, clauses
    )
    counts, firsts, lasts = _version_runs(connection, rows)
    items = tuple(
        PipelineVersionSummary(
            version=_version(row),
            run_count=counts.get(row.id, 0),
            first_run=firsts.get(row.id),
            last_run=lasts.get(row.id),
        )
        for row in rows
    )
    return Page(items=items, index=query.index, size=query.size, total=total)


def _version_runs(
    connection: Connection, rows: Sequence[Row[Any]]
) -> tuple[dict[uuid.UUID, int], dict[uuid.UUID, RunReference], dict[uuid.UUID, RunReference]]:
    """Run counts, first and last runs of the versions in `rows`, in one query."""
    if not rows:
        return {}, {}, {}
    by_version = (runs.c.pipeline_version_id,)
    ranked = (
        select(
            runs.c.id,
            runs.c.name,
            runs.c.status,
            runs.c.created,
            runs.c.pipeline_version_id,
            func.row_number()
            .over(partition_by=by_version, order_by=(runs.c.created.asc(), runs.c.id.asc()))
            .label("first_rank"),
            func.row_number()
            .over(partition_by=by_version, order_by=(runs.c.created.desc(), runs.c.id.desc()))
            .label("last_rank"),
            func.count().over(partition_by=by_version).label("run_count"),
        )
        # The pipeline condition lets the database walk the (pipeline_id, created) index.
        .where(
            runs.c.pipeline_id.in_({row.pipeline_id for row in rows}),
            runs.c.pipeline_version_id.in_([row.id for row in rows]),
        )
        .subquery()
    )
    found = connection.execute(
        select(ranked).where(or_(ranked.c.first_rank == 1, ranked.c.last_rank == 1))
    )
    counts: dict[uuid.UUID, int] = {}
    firsts: dict[uuid.UUID, RunReference] = {}
    lasts: dict[uuid.UUID, RunReference] = {}
    for run in found:
        reference = RunReference(
            id=run.id, name=run.name, status=ExecutionStatus(run.status), created=run.created
        )
        counts[run.pipeline_version_id] = run.run_count
        if run.first_rank == 1:
            firsts[run.pipeline_version_id] = reference
        if run.last_rank == 1:
            lasts[run.pipeline_version_id] = reference
    return counts, firsts, lasts


def _version(row: Row[Any]) -> PipelineVersion:
    return PipelineVersion(
        id=row.id,
        pipeline_id=row.pipeline_id,
        version=row.version,
        spec_hash=row.spec_hash,
        spec=row.spec,
        created=row.created,
    )


def _pipeline(row: Row[*tuple[Any, ...]]) -> Pipeline:
    return Pipeline(id=row.id, project_id=row.project_id, name=row.name, created=row.created)


def delete_pipeline(connection: Connection, pipeline_id: uuid.UUID) -> list[uuid.UUID]:
    """Delete a pipeline with its versions and every run of it; artifact versions stay.

    Returns the ids of the runs deleted with it.

    Raises:
        EntityNotFoundError: there is no pipeline with that id.
        EntityInUseError: a run of it has not ended (it is initializing or running).
    """
    found = connection.execute(
        select(runs.c.id, runs.c.name, runs.c.status).where(runs.c.pipeline_id == pipeline_id)
    ).all()
    live = [row.name for row in found if not ExecutionStatus(row.status).is_finished]
    if live:
        raise EntityInUseError(
            f"The pipeline has {len(live)} run(s) that have not ended ({', '.join(live[:5])}), "
            f"so it cannot be deleted while they run. Stop them first with "
            f"`headwater runs stop NAME`, then delete it."
        )
    run_ids = [row.id for row in found]
    step_ids = list(
        connection.execute(select(step_runs.c.id).where(step_runs.c.run_id.in_(run_ids))).scalars()
    )
    delete_metadata(connection, MetadataTarget.STEP_RUN, step_ids)
    delete_metadata(connection, MetadataTarget.RUN, run_ids)
    if connection.execute(pipelines.delete().where(pipelines.c.id == pipeline_id)).rowcount == 0:
        raise EntityNotFoundError(
            f"No pipeline with id '{pipeline_id}'. List pipelines with `headwater pipelines list`."
        )
    return run_ids
