"""Recording step runs: the runner's two writes per step, `start_step` and `finish_step`.

Both are on every step's path, so they run prepared statements and return the step run
without reading back what they just wrote.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from headwater.errors import EntityNotFoundError, StatusTransitionError, StoreError
from headwater.store.models import (
    ExecutionStatus,
    MetadataTarget,
    StepRun,
    StepRunCreate,
    StepRunEnd,
)
from headwater.store.sql.ids import new_id
from headwater.store.sql.prepared import Executor, PreparedStatement, Row
from headwater.store.sql.recording.artifacts import create_artifact_version, link_artifacts
from headwater.store.sql.recording.metadata import metadata_rows, target_exists, write_metadata
from headwater.store.sql.recording.rows import table_named
from headwater.store.sql.recording.step_reads import step_run_from_row, step_run_not_found

# A stale-run sweep may have stopped a step whose process was only slow: it may finish.
_FINISHABLE = (
    ExecutionStatus.INITIALIZING.value,
    ExecutionStatus.RUNNING.value,
    ExecutionStatus.STOPPED.value,
)
_END_STATUSES = (ExecutionStatus.COMPLETED, ExecutionStatus.FAILED, ExecutionStatus.STOPPED)


def _insert(table: str) -> PreparedStatement:
    return PreparedStatement(
        lambda _dialect: table_named(table).insert(), name=f"steps.insert.{table}"
    )


def _outputs_of(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    outputs = table_named("step_run_outputs").c
    return (
        select(outputs.name, outputs.artifact_version_id)
        .where(outputs.step_run_id == bindparam("step_run_id"))
        .order_by(outputs.position)
    )


def _finish(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select, update

    from headwater.store.sql.compiling import one_of

    step_runs, runs = table_named("step_runs"), table_named("runs")
    project_of_run = (
        select(runs.c.project_id).where(runs.c.id == step_runs.c.run_id).scalar_subquery()
    )
    return (
        update(step_runs)
        .where(step_runs.c.id == bindparam("step_run_id"), one_of(step_runs.c.status, _FINISHABLE))
        .values(
            # Bound names differ from the columns': SQLAlchemy reserves those in UPDATEs.
            status=bindparam("end_status"),
            ended=bindparam("end_time"),
            cpu_seconds=bindparam("used_cpu_seconds"),
            peak_memory_bytes=bindparam("used_peak_memory_bytes"),
            exception=bindparam("end_exception"),
        )
        # The run's project numbers the new artifact versions: read here, not in a
        # statement of its own. SQLite renders RETURNING's columns unqualified (`WHERE id =
        # run_id`), which still correlates: `runs` has an `id` and no `run_id` (a contract
        # test checks).
        .returning(*step_runs.c, project_of_run.label("project_id"))
    )


def _status(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    step_runs = table_named("step_runs").c
    return select(step_runs.name, step_runs.status).where(step_runs.id == bindparam("step_run_id"))


_INSERT_STEP_RUN = _insert("step_runs")
_INSERT_INPUTS = _insert("step_run_inputs")
_INSERT_OUTPUTS = _insert("step_run_outputs")
_SELECT_OUTPUTS_OF = PreparedStatement(_outputs_of, name="steps.outputs_of")
_FINISH = PreparedStatement(_finish, name="steps.finish")
_SELECT_STATUS = PreparedStatement(_status, name="steps.status")


def start_step(connection: Executor, step: StepRunCreate, now: dt.datetime) -> StepRun:
    """Insert a running step run, or a cached one linked to the original's outputs.

    A foreign key failure (unknown run, original or input) surfaces as a
    `StatementIntegrityError`; `explain_missing_reference` turns it into a message
    after the rollback.

    Raises:
        StoreError: the status is neither `running` nor `cached`, or a cached step run
            names no original.
    """
    _check_start(step)
    is_cached = step.status is ExecutionStatus.CACHED
    values: dict[str, Any] = {
        "id": new_id(),
        "run_id": step.run_id,
        "name": step.name,
        "status": step.status.value,
        "created": now,
        "started": now,
        "ended": now if is_cached else None,
        "cache_key": step.cache_key,
        "cache_components": step.cache_components,
        "parameters": step.parameters,
        "source_code": step.source_code,
        "original_step_run_id": step.original_step_run_id,
        "log_uri": step.log_uri,
        "cpu_seconds": None,
        "peak_memory_bytes": None,
        "exception": None,
    }
    _INSERT_STEP_RUN.execute(connection, values)
    _link(connection, _INSERT_INPUTS, values["id"], step.inputs)
    outputs: dict[str, uuid.UUID] = {}
    if is_cached:
        original = {"step_run_id": step.original_step_run_id}
        rows = _SELECT_OUTPUTS_OF.execute(connection, original)
        outputs = {row["name"]: row["artifact_version_id"] for row in rows}
        _link(connection, _INSERT_OUTPUTS, values["id"], outputs)
    return StepRun(**values, inputs=dict(step.inputs), outputs=outputs, metadata={})


def finish_step(
    connection: Executor, step_run_id: uuid.UUID, end: StepRunEnd, now: dt.datetime
) -> StepRun:
    """Record a step's end, its new artifact versions, their links, tags and metadata.

    Raises:
        EntityNotFoundError: there is no step run with that id.
        StoreError: the status is not an end status, or the step run already ended.
    """
    _check_end(end)
    resources = end.resources
    row = _FINISH.first(
        connection,
        {
            "step_run_id": step_run_id,
            "end_status": end.status.value,
            "end_time": now,
            "used_cpu_seconds": None if resources is None else resources.cpu_seconds,
            "used_peak_memory_bytes": None if resources is None else resources.peak_memory_bytes,
            "end_exception": end.exception,
        },
    )
    if row is None:
        raise _cannot_finish(connection, step_run_id)
    metadata = metadata_rows(MetadataTarget.STEP_RUN, step_run_id, end.metadata, now)
    new_versions: dict[str, uuid.UUID] = {}
    if end.outputs:
        new_versions, version_metadata = _record_outputs(connection, row, end, now)
        metadata.extend(version_metadata)
    write_metadata(connection, metadata, new_target_ids=set(new_versions.values()))
    return step_run_from_row(connection, row)


def _record_outputs(
    connection: Executor, row: Row, end: StepRunEnd, now: dt.datetime
) -> tuple[dict[str, uuid.UUID], list[dict[str, Any]]]:
    """Create the outputs' artifact versions and links; return the new versions' ids by
    output name, and their metadata rows."""
    version_ids: dict[str, uuid.UUID] = {}
    metadata: list[dict[str, Any]] = []
    # Numbering locks each artifact's row; taking them in name order means concurrent
    # steps wait for each other instead of deadlocking (PostgreSQL).
    for output in sorted(end.outputs, key=lambda o: o.artifact_name):
        version_id, version_metadata = create_artifact_version(
            connection,
            output,
            project_id=row["project_id"],
            producer_step_run_id=row["id"],
            now=now,
        )
        version_ids[output.output_name] = version_id
        metadata.extend(version_metadata)
        if output.model_version_id is not None:
            link_artifacts(connection, output.model_version_id, {version_id: output.artifact_type})
    outputs = {output.output_name: version_ids[output.output_name] for output in end.outputs}
    _link(connection, _INSERT_OUTPUTS, row["id"], outputs)
    return outputs, metadata


def _check_start(step: StepRunCreate) -> None:
    if step.status not in (ExecutionStatus.RUNNING, ExecutionStatus.CACHED):
        raise StatusTransitionError(
            f"Step '{step.name}' cannot start as '{step.status}': a step run starts as "
            f"'running', or as 'cached' with the step run whose outputs it reuses."
        )
    if step.status is ExecutionStatus.CACHED and step.original_step_run_id is None:
        raise StatusTransitionError(
            f"Cached step '{step.name}' names no original step run. Set "
            f"original_step_run_id to the step run whose outputs it reuses."
        )


def _check_end(end: StepRunEnd) -> None:
    if end.status not in _END_STATUSES:
        raise StatusTransitionError(
            f"A step run cannot finish as '{end.status}'. Finish it as one of: "
            f"{', '.join(s.value for s in _END_STATUSES)}."
        )


def _cannot_finish(connection: Executor, step_run_id: uuid.UUID) -> StoreError:
    found = _SELECT_STATUS.first(connection, {"step_run_id": step_run_id})
    if found is None:
        return step_run_not_found(step_run_id)
    return StatusTransitionError(
        f"Step run '{found['name']}' ({step_run_id}) already ended as '{found['status']}'; "
        f"a step run finishes once. Start a new step run to run the step again."
    )


def _link(
    connection: Executor,
    statement: PreparedStatement,
    step_run_id: uuid.UUID,
    artifact_versions_by_name: dict[str, uuid.UUID],
) -> None:
    statement.execute_many(
        connection,
        [
            {
                "step_run_id": step_run_id,
                "name": name,
                "artifact_version_id": version_id,
                "position": position,
            }
            for position, (name, version_id) in enumerate(artifact_versions_by_name.items())
        ],
    )


def explain_missing_reference(connection: Executor, step: StepRunCreate) -> StoreError:
    """Say which id a step run refers to that is not in the store."""
    if not target_exists(connection, MetadataTarget.RUN, step.run_id):
        return EntityNotFoundError(
            f"Cannot record step '{step.name}': there is no run with id '{step.run_id}'. "
            f"Create the run with create_run() first."
        )
    original = step.original_step_run_id
    if original is not None and step_status(connection, original) is None:
        return EntityNotFoundError(
            f"Cannot record step '{step.name}' as cached: its original step run "
            f"'{original}' does not exist (was its run deleted?). Run the step instead."
        )
    missing = [
        f"'{name}' ({version_id})"
        for name, version_id in step.inputs.items()
        if not target_exists(connection, MetadataTarget.ARTIFACT_VERSION, version_id)
    ]
    if missing:
        return EntityNotFoundError(
            f"Cannot record step '{step.name}': its inputs {', '.join(missing)} name artifact "
            f"versions that do not exist. Pass ids of recorded artifact versions."
        )
    return StoreError(
        f"Cannot record step '{step.name}' of run '{step.run_id}': the store rejected it as "
        f"inconsistent. This is a bug; please report it with the step's details."
    )


def step_status(connection: Executor, step_run_id: uuid.UUID) -> Row | None:
    """The name and status of a step run, if there is one with that id."""
    return _SELECT_STATUS.first(connection, {"step_run_id": step_run_id})
