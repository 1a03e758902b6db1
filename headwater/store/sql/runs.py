"""Pipeline runs: creation (with everything they need on first use), status, listing."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, bindparam, func, select, update
from sqlalchemy.exc import IntegrityError

from headwater.errors import (
    EntityExistsError,
    EntityInUseError,
    EntityNotFoundError,
    StatusTransitionError,
)
from headwater.store.listings import RUNS
from headwater.store.models import (
    STALE_AFTER_BEATS,
    ExecutionStatus,
    MetadataTarget,
    Page,
    PipelineRun,
    RunCreate,
)
from headwater.store.sql import pipelines as pipeline_rows
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    RelatedFilter,
    project_column,
    where_clauses,
)
from headwater.store.sql.ids import new_id
from headwater.store.sql.metadata_entries import (
    delete_metadata,
    load_metadata,
    metadata_filter,
    metadata_sort,
)
from headwater.store.sql.metadata_expressions import run_expression_filter
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.schema import pipelines, run_stacks, run_tags, runs, step_runs, users
from headwater.store.sql.stacks import record_run_stack
from headwater.store.sql.tags import load_tags, tag_filter, tag_target

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_UNFINISHED = (ExecutionStatus.INITIALIZING.value, ExecutionStatus.RUNNING.value)
# A stopped run may still end otherwise: the stale-run sweep stops runs that are merely
# slow, and their process goes on to record how they really ended.
_MAY_END = (*_UNFINISHED, ExecutionStatus.STOPPED.value)
_FROM = runs.join(pipelines, pipelines.c.id == runs.c.pipeline_id).outerjoin(
    users, users.c.id == runs.c.user_id
)
_SELECT_RUNS: Select[Any] = select(runs, pipelines.c.name.label("pipeline_name")).select_from(_FROM)
_SELECT_RUN_BY_ID = _SELECT_RUNS.where(runs.c.id == bindparam("run_id"))
_RUN_NAME_TAKEN = select(runs.c.id).where(
    runs.c.project_id == bindparam("project_id"), runs.c.name == bindparam("name")
)
_HEARTBEAT = update(runs).where(runs.c.id == bindparam("run_id")).values(heartbeat=bindparam("now"))
_LAST_BEAT = func.coalesce(runs.c.heartbeat, runs.c.created)
_UNFINISHED_BEATS = select(runs.c.id, _LAST_BEAT.label("beat"), runs.c.heartbeat_seconds).where(
    runs.c.status.in_(_UNFINISHED)
)
_STOP_RUN = (
    update(runs)
    .where(
        runs.c.id == bindparam("run_id"),
        runs.c.status.in_(_UNFINISHED),
        # Checked again: the run may have beaten since it was found stale.
        bindparam("beat") >= _LAST_BEAT,
    )
    .values(status=ExecutionStatus.STOPPED.value, ended=bindparam("now"))
    .returning(runs.c.id)
)
_STOP_STEPS = (
    update(step_runs)
    .where(
        step_runs.c.run_id.in_(bindparam("run_ids", expanding=True)),
        step_runs.c.status.in_(_UNFINISHED),
    )
    .values(status=ExecutionStatus.STOPPED.value, ended=bindparam("now"))
)
_END_STEPS = (
    update(step_runs)
    .where(step_runs.c.run_id == bindparam("ended_run_id"), step_runs.c.status.in_(_UNFINISHED))
    .values(
        status=ExecutionStatus.STOPPED.value,
        ended=bindparam("now"),
        exception=bindparam("reason"),
    )
    .returning(step_runs.c.id, step_runs.c.name)
)
_SELECT_STATUS = select(runs.c.name, runs.c.status).where(runs.c.id == bindparam("run_id"))
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


def create_run(connection: Connection, run: RunCreate, now: dt.datetime) -> PipelineRun:
    """Insert a run in `initializing`, creating its project, user, pipeline and version.

    Raises:
        EntityExistsError: the project already has a run with `run.name`.
    """
    project_id = pipeline_rows.ensure_project(connection, run.project_name, now)
    user_id = pipeline_rows.ensure_user(connection, run.user_name, now)
    pipeline_id = pipeline_rows.ensure_pipeline(connection, project_id, run.pipeline_name, now)
    version_id = pipeline_rows.ensure_pipeline_version(
        connection, pipeline_id, spec_hash=run.spec_hash, spec=run.spec, now=now
    )
    values: dict[str, Any] = {
        "id": new_id(),
        "project_id": project_id,
        "pipeline_id": pipeline_id,
        "pipeline_version_id": version_id,
        "user_id": user_id,
        "name": _choose_name(connection, run, project_id, pipeline_id),
        "status": ExecutionStatus.INITIALIZING.value,
        "created": now,
        "started": None,
        "ended": None,
        "heartbeat": None,
        "heartbeat_seconds": run.heartbeat_seconds,
        "config": run.config,
        "orchestrator": run.orchestrator,
        "exception": None,
    }
    try:
        connection.execute(runs.insert(), values)
    except IntegrityError as exc:  # another process took the name a moment ago
        raise _name_taken(run) from exc
    tag_target(connection, run_tags, values["id"], run.tags, now)
    if run.stack_id is not None:
        record_run_stack(connection, values["id"], run.stack_id)
    del values["heartbeat_seconds"]  # the store's own bookkeeping, not part of the run
    return PipelineRun(
        **values,
        pipeline_name=run.pipeline_name,
        tags=tuple(sorted(set(run.tags))),
        metadata={},
    )


def update_run_status(
    connection: Connection,
    run_id: uuid.UUID,
    status: ExecutionStatus,
    *,
    exception: str | None,
    now: dt.datetime,
) -> list[tuple[uuid.UUID, str]]:
    """Set a run's status; `running` sets its start (once), a finished status its end.

    A stopped run may still take another finished status (a run the stale-run sweep
    stopped may still complete); a run that completed or failed keeps that status, and no
    finished run becomes unfinished again. A run that finishes stops its steps that have
    not ended, so none stays running inside it.

    Returns:
        The (id, name) of each step run stopped with the run.

    Raises:
        EntityNotFoundError: there is no run with that id.
        StatusTransitionError: the run has finished and `status` is unfinished, or
            the run completed or failed and `status` is another status.
    """
    values: dict[str, Any] = {"status": status.value}
    if status is ExecutionStatus.RUNNING:
        values["started"] = func.coalesce(runs.c.started, now)
    if status.is_finished:
        values["ended"] = now
    if exception is not None:
        values["exception"] = exception
    statement = update(runs).where(
        runs.c.id == run_id, runs.c.status.in_(_MAY_END if status.is_finished else _UNFINISHED)
    )
    if connection.execute(statement.values(values)).rowcount == 0:
        raise _cannot_update(connection, run_id, status)
    if not status.is_finished:
        return []
    reason = (
        f"The run ended as '{status}' before this step did (its process was interrupted, "
        f"or the run was stopped while the step ran)."
    )
    ended = connection.execute(_END_STEPS, {"ended_run_id": run_id, "now": now, "reason": reason})
    return [(row.id, row.name) for row in ended]


def heartbeat(connection: Connection, run_id: uuid.UUID, now: dt.datetime) -> None:
    """Record that the run's process is alive.

    Raises:
        EntityNotFoundError: there is no run with that id.
    """
    if connection.execute(_HEARTBEAT, {"run_id": run_id, "now": now}).rowcount == 0:
        raise run_not_found(run_id)


@dataclass(frozen=True, slots=True)
class StaleRun:
    """An unfinished run that missed its beats, and the last beat it was seen at."""

    id: uuid.UUID
    beat: dt.datetime


def find_stale_runs(
    connection: Connection,
    now: dt.datetime,
    *,
    default_after: dt.timedelta,
    watched_since: dt.datetime | None = None,
) -> list[StaleRun]:
    """Unfinished runs that missed STALE_AFTER_BEATS of their own beats (runs that
    recorded no interval: whose last beat, or creation, is older than `default_after`),
    counting only beats missed since `watched_since` when given."""
    stale = []
    for row in connection.execute(_UNFINISHED_BEATS):
        after = (
            default_after
            if row.heartbeat_seconds is None
            else dt.timedelta(seconds=row.heartbeat_seconds * STALE_AFTER_BEATS)
        )
        counted_from = row.beat if watched_since is None else max(row.beat, watched_since)
        if counted_from < now - after:
            stale.append(StaleRun(id=row.id, beat=row.beat))
    return stale


def stop_runs(
    connection: Connection, stale: list[StaleRun], *, now: dt.datetime
) -> list[uuid.UUID]:
    """Stop the given runs (if they have not beaten since) and their unfinished step runs."""
    stopped = [
        run.id
        for run in stale
        if connection.execute(_STOP_RUN, {"run_id": run.id, "beat": run.beat, "now": now}).first()
    ]
    if stopped:
        connection.execute(_STOP_STEPS, {"run_ids": stopped, "now": now})
    return stopped


def get_run(connection: Connection, run_id_or_name: uuid.UUID | str) -> PipelineRun:
    """A run by id or name (a name shared by runs of several projects: the newest).

    Raises:
        EntityNotFoundError: no run has that id or name.
    """
    run_id = pipeline_rows.as_id(run_id_or_name)
    row = None
    if run_id is not None:
        row = connection.execute(_SELECT_RUN_BY_ID, {"run_id": run_id}).first()
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
    found = connection.execute(_SELECT_STATUS, {"run_id": run_id}).first()
    if found is None:
        raise run_not_found(run_id)
    if not ExecutionStatus(found.status).is_finished:
        raise EntityInUseError(
            f"Run '{found.name}' is {found.status}, so it cannot be deleted while it runs. "
            f"Stop it first with `headwater runs stop {found.name}`, then delete it."
        )
    step_ids = list(
        connection.execute(select(step_runs.c.id).where(step_runs.c.run_id == run_id)).scalars()
    )
    delete_metadata(connection, MetadataTarget.STEP_RUN, step_ids)
    delete_metadata(connection, MetadataTarget.RUN, [run_id])
    if connection.execute(runs.delete().where(runs.c.id == run_id)).rowcount == 0:
        raise run_not_found(run_id)


def run_not_found(run_id_or_name: uuid.UUID | str) -> EntityNotFoundError:
    """The error for a run that is not there."""
    return EntityNotFoundError(
        f"No run with id or name '{run_id_or_name}'. List runs with `headwater runs list`."
    )


def _cannot_update(
    connection: Connection, run_id: uuid.UUID, status: ExecutionStatus
) -> EntityNotFoundError | StatusTransitionError:
    row = connection.execute(_SELECT_STATUS, {"run_id": run_id}).first()
    if row is None:
        return run_not_found(run_id)
    return StatusTransitionError(
        f"Run '{row.name}' ({run_id}) already ended as '{row.status}' and cannot become "
        f"'{status}'. Start a new run to run the pipeline again."
    )


def _runs_from_rows(
    connection: Connection, rows: Sequence[Row[*tuple[Any, ...]]]
) -> list[PipelineRun]:
    ids = [row.id for row in rows]
    tags = load_tags(connection, run_tags, ids)
    metadata = load_metadata(connection, MetadataTarget.RUN, ids)
    return [
        PipelineRun(
            id=row.id,
            name=row.name,
            project_id=row.project_id,
            pipeline_id=row.pipeline_id,
            pipeline_name=row.pipeline_name,
            pipeline_version_id=row.pipeline_version_id,
            user_id=row.user_id,
            status=ExecutionStatus(row.status),
            created=row.created,
            started=row.started,
            ended=row.ended,
            heartbeat=row.heartbeat,
            tags=tags.get(row.id, ()),
            config=row.config,
            orchestrator=row.orchestrator,
            exception=row.exception,
            metadata=metadata.get(row.id, {}),
        )
        for row in rows
    ]


def _choose_name(
    connection: Connection, run: RunCreate, project_id: uuid.UUID, pipeline_id: uuid.UUID
) -> str:
    if run.name is None:
        return _next_run_name(connection, project_id, pipeline_id, run.pipeline_name)
    if _is_run_name_taken(connection, project_id, run.name):
        raise _name_taken(run)
    return run.name


def _next_run_name(
    connection: Connection, project_id: uuid.UUID, pipeline_id: uuid.UUID, pipeline_name: str
) -> str:
    # The counter row stays locked until commit, so no two runs get the same number; a
    # number a user already took by naming a run so is skipped.
    while True:
        name = f"{pipeline_name}-{pipeline_rows.count_run(connection, pipeline_id)}"
        if not _is_run_name_taken(connection, project_id, name):
            return name


def _is_run_name_taken(connection: Connection, project_id: uuid.UUID, name: str) -> bool:
    found = connection.execute(_RUN_NAME_TAKEN, {"project_id": project_id, "name": name})
    return found.first() is not None


def _name_taken(run: RunCreate) -> EntityExistsError:
    return EntityExistsError(
        f"A run named '{run.name}' already exists in project '{run.project_name}'. Choose "
        f"another name, or leave the name out to get '{run.pipeline_name}-<number>'."
    )
