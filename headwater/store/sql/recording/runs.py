"""Recording pipeline runs: creation (with everything they need on first use), status,
heartbeats, the stale-run sweep, and reading one run back."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from headwater.errors import EntityExistsError, EntityNotFoundError, StatusTransitionError
from headwater.store.models import (
    STALE_AFTER_BEATS,
    ExecutionStatus,
    MetadataTarget,
    PipelineRun,
    RunCreate,
)
from headwater.store.sql.driver import StatementIntegrityError
from headwater.store.sql.ids import new_id
from headwater.store.sql.prepared import Executor, PreparedStatement, Row
from headwater.store.sql.recording.metadata import load_metadata_of_one
from headwater.store.sql.recording.rows import ensure_row, table_named
from headwater.store.sql.recording.stacks import record_run_stack
from headwater.store.sql.recording.tags import load_tags_of_one, tag_target

UNFINISHED = (ExecutionStatus.INITIALIZING.value, ExecutionStatus.RUNNING.value)
# A stopped run may still end otherwise: the stale-run sweep stops runs that are merely
# slow, and their process goes on to record how they really ended.
_MAY_END = (*UNFINISHED, ExecutionStatus.STOPPED.value)


def _runs() -> Any:
    return table_named("runs")


def select_runs() -> Any:
    """Runs with their pipeline's name (the Core select listings extend)."""
    from sqlalchemy import select

    runs, pipelines, users = _runs(), table_named("pipelines"), table_named("users")
    joined = runs.join(pipelines, pipelines.c.id == runs.c.pipeline_id).outerjoin(
        users, users.c.id == runs.c.user_id
    )
    return select(runs, pipelines.c.name.label("pipeline_name")).select_from(joined)


def _run_by_id(_dialect: str) -> Any:
    from sqlalchemy import bindparam

    return select_runs().where(_runs().c.id == bindparam("run_id"))


def _name_taken(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    runs = _runs().c
    return select(runs.id).where(
        runs.project_id == bindparam("project_id"), runs.name == bindparam("name")
    )


def _heartbeat(_dialect: str) -> Any:
    from sqlalchemy import bindparam, update

    runs = _runs()
    return update(runs).where(runs.c.id == bindparam("run_id")).values(heartbeat=bindparam("now"))


def _last_beat() -> Any:
    from sqlalchemy import func

    runs = _runs().c
    return func.coalesce(runs.heartbeat, runs.created)


def _unfinished_beats(_dialect: str) -> Any:
    from sqlalchemy import select

    from headwater.store.sql.compiling import one_of

    runs = _runs().c
    return select(runs.id, _last_beat().label("beat"), runs.heartbeat_seconds).where(
        one_of(runs.status, UNFINISHED)
    )


def _stop_run(_dialect: str) -> Any:
    from sqlalchemy import bindparam, update

    from headwater.store.sql.compiling import one_of

    runs = _runs()
    return (
        update(runs)
        .where(
            runs.c.id == bindparam("run_id"),
            one_of(runs.c.status, UNFINISHED),
            # Checked again: the run may have beaten since it was found stale.
            bindparam("beat") >= _last_beat(),
        )
        .values(status=ExecutionStatus.STOPPED.value, ended=bindparam("now"))
        .returning(runs.c.id, runs.c.name)
    )


def _end_steps(_dialect: str) -> Any:
    from sqlalchemy import bindparam, update

    from headwater.store.sql.compiling import one_of

    step_runs = table_named("step_runs")
    return (
        update(step_runs)
        .where(
            step_runs.c.run_id == bindparam("ended_run_id"), one_of(step_runs.c.status, UNFINISHED)
        )
        .values(
            status=ExecutionStatus.STOPPED.value,
            ended=bindparam("now"),
            exception=bindparam("reason"),
        )
        .returning(step_runs.c.id, step_runs.c.name)
    )


def _stop_steps(_dialect: str) -> Any:
    from sqlalchemy import bindparam, update

    from headwater.store.sql.compiling import one_of

    step_runs = table_named("step_runs")
    return (
        update(step_runs)
        .where(step_runs.c.run_id == bindparam("run_id"), one_of(step_runs.c.status, UNFINISHED))
        .values(status=ExecutionStatus.STOPPED.value, ended=bindparam("now"))
    )


def _set_status(start: bool, end: bool) -> PreparedStatement:
    def build(_dialect: str) -> Any:
        from sqlalchemy import bindparam, func, update

        from headwater.store.sql.compiling import one_of

        runs = _runs()
        values: dict[str, Any] = {
            "status": bindparam("new_status"),
            # A run's exception is kept unless the change brings one.
            "exception": func.coalesce(bindparam("new_exception"), runs.c.exception),
        }
        if start:
            values["started"] = func.coalesce(runs.c.started, bindparam("now"))
        if end:
            values["ended"] = bindparam("now")
        allowed = _MAY_END if end else UNFINISHED
        return (
            update(runs)
            .where(runs.c.id == bindparam("run_id"), one_of(runs.c.status, allowed))
            .values(values)
        )

    kind = "end" if end else ("start" if start else "change")
    return PreparedStatement(build, name=f"runs.set_status.{kind}")


def _status(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    runs = _runs().c
    return select(runs.name, runs.status).where(runs.id == bindparam("run_id"))


def _version_by_hash(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    versions = table_named("pipeline_versions").c
    return select(versions.id).where(
        versions.pipeline_id == bindparam("pipeline_id"),
        versions.spec_hash == bindparam("spec_hash"),
    )


def _lock_pipeline(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    pipelines = table_named("pipelines").c
    return select(pipelines.id).where(pipelines.id == bindparam("pipeline_id")).with_for_update()


def _next_version(_dialect: str) -> Any:
    from sqlalchemy import bindparam, func, select

    versions = table_named("pipeline_versions").c
    next_version = func.coalesce(func.max(versions.version), 0) + 1
    return select(next_version.label("version")).where(
        versions.pipeline_id == bindparam("pipeline_id")
    )


def _count_run(_dialect: str) -> Any:
    from sqlalchemy import bindparam, update

    pipelines = table_named("pipelines")
    return (
        update(pipelines)
        .where(pipelines.c.id == bindparam("pipeline_id"))
        .values(run_count=pipelines.c.run_count + 1)
        .returning(pipelines.c.run_count)
    )


_SELECT_RUN_BY_ID = PreparedStatement(_run_by_id, name="runs.by_id")
_RUN_NAME_TAKEN = PreparedStatement(_name_taken, name="runs.name_taken")
_INSERT_RUN = PreparedStatement(lambda _dialect: _runs().insert(), name="runs.insert")
_HEARTBEAT = PreparedStatement(_heartbeat, name="runs.heartbeat")
_UNFINISHED_BEATS = PreparedStatement(_unfinished_beats, name="runs.unfinished_beats")
_STOP_RUN = PreparedStatement(_stop_run, name="runs.stop_run")
_END_STEPS = PreparedStatement(_end_steps, name="runs.end_steps")
_STOP_STEPS = PreparedStatement(_stop_steps, name="runs.stop_steps")
_SET_STATUS = {
    (start, end): _set_status(start, end)
    for start, end in ((True, False), (False, True), (False, False))
}
_SELECT_STATUS = PreparedStatement(_status, name="runs.status")
_SELECT_VERSION_BY_HASH = PreparedStatement(_version_by_hash, name="runs.version_by_hash")
_LOCK_PIPELINE = PreparedStatement(_lock_pipeline, name="runs.lock_pipeline")
_NEXT_VERSION = PreparedStatement(_next_version, name="runs.next_version")
_INSERT_VERSION = PreparedStatement(
    lambda _dialect: table_named("pipeline_versions").insert(), name="runs.insert_version"
)
_COUNT_RUN = PreparedStatement(_count_run, name="runs.count_run")


def ensure_project(connection: Executor, name: str, now: dt.datetime) -> uuid.UUID:
    """The project's id, creating the project on first use."""
    return ensure_row(connection, "projects", {"name": name}, {"created": now})


def ensure_user(connection: Executor, name: str, now: dt.datetime) -> uuid.UUID:
    """The user's id, creating the user on first use."""
    return ensure_row(connection, "users", {"name": name}, {"created": now})


def ensure_pipeline(
    connection: Executor, project_id: uuid.UUID, name: str, now: dt.datetime
) -> uuid.UUID:
    """The pipeline's id, creating the pipeline on first use."""
    return ensure_row(
        connection,
        "pipelines",
        {"project_id": project_id, "name": name},
        {"created": now, "run_count": 0},
    )


def ensure_pipeline_version(
    connection: Executor,
    pipeline_id: uuid.UUID,
    *,
    spec_hash: str,
    spec: dict[str, Any],
    now: dt.datetime,
) -> uuid.UUID:
    """The id of the pipeline's version with this spec hash, numbered next if it is new."""
    key = {"pipeline_id": pipeline_id, "spec_hash": spec_hash}
    found = _SELECT_VERSION_BY_HASH.first(connection, key)
    if found is not None:
        existing: uuid.UUID = found["id"]
        return existing
    # Lock the pipeline so two processes cannot both number a version N (PostgreSQL);
    # SQLite's BEGIN IMMEDIATE already serializes writers. Then look again.
    _LOCK_PIPELINE.execute(connection, {"pipeline_id": pipeline_id})
    found = _SELECT_VERSION_BY_HASH.first(connection, key)
    if found is not None:
        raced: uuid.UUID = found["id"]
        return raced
    numbered = _NEXT_VERSION.first(connection, {"pipeline_id": pipeline_id})
    assert numbered is not None  # an aggregate answers one row
    version_id = new_id()
    _INSERT_VERSION.execute(
        connection,
        {"id": version_id, **key, "version": numbered["version"], "spec": spec, "created": now},
    )
    return version_id


def count_run(connection: Executor, pipeline_id: uuid.UUID) -> int:
    """Bump and return the pipeline's run counter (the row stays locked until commit)."""
    counted = _COUNT_RUN.first(connection, {"pipeline_id": pipeline_id})
    assert counted is not None  # the pipeline was ensured in this transaction
    return int(counted["run_count"])


def create_run(connection: Executor, run: RunCreate, now: dt.datetime) -> PipelineRun:
    """Insert a run in `initializing`, creating its project, user, pipeline and version.

    Raises:
        EntityExistsError: the project already has a run with `run.name`.
    """
    project_id = ensure_project(connection, run.project_name, now)
    user_id = ensure_user(connection, run.user_name, now)
    pipeline_id = ensure_pipeline(connection, project_id, run.pipeline_name, now)
    version_id = ensure_pipeline_version(
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
        _INSERT_RUN.execute(connection, values)
    except StatementIntegrityError as exc:  # another process took the name a moment ago
        raise _name_taken_error(run) from exc
    tag_target(connection, "run_tags", values["id"], run.tags, now)
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
    connection: Executor,
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
    statement = _SET_STATUS[(status is ExecutionStatus.RUNNING, status.is_finished)]
    parameters = {
        "run_id": run_id,
        "new_status": status.value,
        "new_exception": exception,
        "now": now,
    }
    if statement.execute_count(connection, parameters) == 0:
        raise _cannot_update(connection, run_id, status)
    if not status.is_finished:
        return []
    reason = (
        f"The run ended as '{status}' before this step did (its process was interrupted, "
        f"or the run was stopped while the step ran)."
    )
    ended = _END_STEPS.execute(connection, {"ended_run_id": run_id, "now": now, "reason": reason})
    return [(row["id"], row["name"]) for row in ended]


def heartbeat(connection: Executor, run_id: uuid.UUID, now: dt.datetime) -> None:
    """Record that the run's process is alive.

    Raises:
        EntityNotFoundError: there is no run with that id.
    """
    if _HEARTBEAT.execute_count(connection, {"run_id": run_id, "now": now}) == 0:
        raise run_not_found(run_id)


@dataclass(frozen=True, slots=True)
class StaleRun:
    """An unfinished run that missed its beats, and the last beat it was seen at."""

    id: uuid.UUID
    beat: dt.datetime


def find_stale_runs(
    connection: Executor,
    now: dt.datetime,
    *,
    default_after: dt.timedelta,
    watched_since: dt.datetime | None = None,
) -> list[StaleRun]:
    """Unfinished runs that missed STALE_AFTER_BEATS of their own beats (runs that
    recorded no interval: whose last beat, or creation, is older than `default_after`),
    counting only beats missed since `watched_since` when given."""
    stale = []
    for row in _UNFINISHED_BEATS.execute(connection, {}):
        after = (
            default_after
            if row["heartbeat_seconds"] is None
            else dt.timedelta(seconds=row["heartbeat_seconds"] * STALE_AFTER_BEATS)
        )
        beat = row["beat"]
        counted_from = beat if watched_since is None else max(beat, watched_since)
        if counted_from < now - after:
            stale.append(StaleRun(id=row["id"], beat=beat))
    return stale


def stop_runs(
    connection: Executor, stale: list[StaleRun], *, now: dt.datetime
) -> list[tuple[uuid.UUID, str]]:
    """Stop the given runs (if they have not beaten since) and their unfinished step runs;
    the (id, name) of each run stopped."""
    stopped = []
    for run in stale:
        row = _STOP_RUN.first(connection, {"run_id": run.id, "beat": run.beat, "now": now})
        if row is not None:
            _STOP_STEPS.execute_count(connection, {"run_id": run.id, "now": now})
            stopped.append((row["id"], row["name"]))
    return stopped


def get_run_by_id(connection: Executor, run_id: uuid.UUID) -> PipelineRun | None:
    """One run with its tags and metadata, in three prepared statements; None if absent."""
    row = _SELECT_RUN_BY_ID.first(connection, {"run_id": run_id})
    if row is None:
        return None
    return run_from_row(
        row,
        tags=load_tags_of_one(connection, "run_tags", run_id),
        metadata=load_metadata_of_one(connection, MetadataTarget.RUN, run_id),
    )


def run_from_row(row: Any, *, tags: tuple[str, ...], metadata: dict[str, Any]) -> PipelineRun:
    """The run in a row of `select_runs()` (a mapping or a SQLAlchemy row mapping)."""
    return PipelineRun(
        id=row["id"],
        name=row["name"],
        project_id=row["project_id"],
        pipeline_id=row["pipeline_id"],
        pipeline_name=row["pipeline_name"],
        pipeline_version_id=row["pipeline_version_id"],
        user_id=row["user_id"],
        status=ExecutionStatus(row["status"]),
        created=row["created"],
        started=row["started"],
        ended=row["ended"],
        heartbeat=row["heartbeat"],
        tags=tags,
        config=row["config"],
        orchestrator=row["orchestrator"],
        exception=row["exception"],
        metadata=metadata,
    )


def run_status(connection: Executor, run_id: uuid.UUID) -> Row | None:
    """The name and status of a run, if there is one with that id."""
    return _SELECT_STATUS.first(connection, {"run_id": run_id})


def run_not_found(run_id_or_name: uuid.UUID | str) -> EntityNotFoundError:
    """The error for a run that is not there."""
    return EntityNotFoundError(
        f"No run with id or name '{run_id_or_name}'. List runs with `headwater runs list`."
    )


def _cannot_update(
    connection: Executor, run_id: uuid.UUID, status: ExecutionStatus
) -> EntityNotFoundError | StatusTransitionError:
    row = run_status(connection, run_id)
    if row is None:
        return run_not_found(run_id)
    return StatusTransitionError(
        f"Run '{row['name']}' ({run_id}) already ended as '{row['status']}' and cannot become "
        f"'{status}'. Start a new run to run the pipeline again."
    )


def _choose_name(
    connection: Executor, run: RunCreate, project_id: uuid.UUID, pipeline_id: uuid.UUID
) -> str:
    if run.name is None:
        return _next_run_name(connection, project_id, pipeline_id, run.pipeline_name)
    if _is_run_name_taken(connection, project_id, run.name):
        raise _name_taken_error(run)
    return run.name


def _next_run_name(
    connection: Executor, project_id: uuid.UUID, pipeline_id: uuid.UUID, pipeline_name: str
) -> str:
    # The counter row stays locked until commit, so no two runs get the same number; a
    # number a user already took by naming a run so is skipped.
    while True:
        name = f"{pipeline_name}-{count_run(connection, pipeline_id)}"
        if not _is_run_name_taken(connection, project_id, name):
            return name


def _is_run_name_taken(connection: Executor, project_id: uuid.UUID, name: str) -> bool:
    found = _RUN_NAME_TAKEN.first(connection, {"project_id": project_id, "name": name})
    return found is not None


def _name_taken_error(run: RunCreate) -> EntityExistsError:
    return EntityExistsError(
        f"A run named '{run.name}' already exists in project '{run.project_name}'. Choose "
        f"another name, or leave the name out to get '{run.pipeline_name}-<number>'."
    )
