"""`/step-runs`: record, read and list step runs; their logs and cache explanations."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from headwater.client import Client
from headwater.server.access import CallerDep
from headwater.server.dependencies import SessionDep, StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.idempotency import WriteKeyDep, apply_once
from headwater.server.listing import StepRunListParams
from headwater.server.log_reader import LogWindow, read_log_window
from headwater.server.recorded_locations import check_step_end, check_step_start, step_log_store
from headwater.server.schemas import (
    CacheComponentChange,
    LogSlice,
    StepCacheExplanation,
    StepRunPage,
)
from headwater.server.visibility import readable_step
from headwater.store.models import StepRun, StepRunCreate, StepRunEnd
from headwater.store.permissions import Resource
from headwater.store.value_types import INT64_MAX

router = APIRouter(tags=["step runs"], responses=ERROR_RESPONSES)
MAX_LOG_LINES = 10_000


@router.post("/step-runs", operation_id="start_step_run", status_code=status.HTTP_201_CREATED)
def start_step_run(
    step: StepRunCreate, session: SessionDep, state: StateDep, key: WriteKeyDep
) -> StepRun:
    """Record a step run: `running`, or `cached` with the outputs of its original.

    On a team server the step's log must be the file its run's artifact store names.
    Sent again with the same `Idempotency-Key`, it answers the step run it recorded.
    """
    if state.auth_mode == "server":
        check_step_start(state, step)
    return apply_once(session.store, key, StepRun, lambda: session.store.start_step(step))


@router.get("/step-runs", operation_id="list_step_runs")
def list_step_runs(
    session: SessionDep, caller: CallerDep, params: Annotated[StepRunListParams, Query()]
) -> StepRunPage:
    """List step runs of any run, filtered and sorted."""
    query = caller.scope(params.to_query(), Resource.STEP)
    page: StepRunPage = StepRunPage.of(session.store.list_step_runs(query))
    return page


@router.get("/step-runs/cached", operation_id="find_cached_step_run")
def find_cached_step_run(
    session: SessionDep, caller: CallerDep, cache_key: Annotated[str, Query(max_length=128)]
) -> StepRun | None:
    """The newest `completed` step run with this cache key, or null."""
    return readable_step(session.store, caller, session.store.find_cached_step_run(cache_key))


@router.get("/step-runs/previous", operation_id="find_previous_step_run")
def find_previous_step_run(
    session: SessionDep,
    caller: CallerDep,
    step_name: Annotated[str, Query(max_length=255)],
    pipeline_name: Annotated[str, Query(max_length=255)],
    before: dt.datetime,
) -> StepRun | None:
    """The newest executed run of a step of a pipeline before a time, or null."""
    moment = before if before.tzinfo is not None else before.replace(tzinfo=dt.UTC)
    found = session.store.find_previous_step_run(step_name, pipeline_name, before=moment)
    return readable_step(session.store, caller, found)


@router.get("/step-runs/{step_run_id}", operation_id="get_step_run")
def get_step_run(step_run_id: uuid.UUID, session: SessionDep) -> StepRun:
    """Get a step run with its inputs, outputs and metadata."""
    return session.store.get_step_run(step_run_id)


@router.post("/step-runs/{step_run_id}/end", operation_id="finish_step_run")
def finish_step_run(
    step_run_id: uuid.UUID,
    end: StepRunEnd,
    session: SessionDep,
    state: StateDep,
    key: WriteKeyDep,
) -> StepRun:
    """Record a step's end: status, outputs, metadata and resource use, at once.

    On a team server each output must lie in the folder its run's artifact store keeps
    for its content hash, with its visualizations inside it. Sent again with the same
    `Idempotency-Key`, it answers as it did the first time.
    """
    if state.auth_mode == "server":
        check_step_end(state, session.store.get_step_run(step_run_id), end)
    return apply_once(
        session.store, key, StepRun, lambda: session.store.finish_step(step_run_id, end)
    )


@router.get("/step-runs/{step_run_id}/logs", operation_id="get_step_run_logs")
def get_step_run_logs(
    step_run_id: uuid.UUID,
    session: SessionDep,
    state: StateDep,
    offset: Annotated[
        int, Query(ge=0, le=INT64_MAX, description="First line number to read, from 0.")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LOG_LINES)] = 1000,
    grep: Annotated[str | None, Query(max_length=1000)] = None,
    stream: Annotated[str | None, Query(pattern="^(stdout|stderr|log)$")] = None,
) -> LogSlice:
    """Read a window of a step's log, optionally only lines containing `grep`.

    Lines are numbered from 0 in file order; continue with `offset=next_offset`.
    """
    step = session.store.get_step_run(step_run_id)
    # Only the file the run's own artifact store names for the step, whatever was recorded.
    artifact_store = step_log_store(state, step)
    if artifact_store is None or step.log_uri is None or not artifact_store.exists(step.log_uri):
        return LogSlice(lines=[], next_offset=offset, has_more=False)
    window = LogWindow(offset=offset, limit=limit, grep=grep or None, stream=stream)
    return read_log_window(artifact_store, step.log_uri, window)


@router.get("/step-runs/{step_run_id}/cache-explanation", operation_id="explain_step_run_cache")
def explain_step_run_cache(step_run_id: uuid.UUID, session: SessionDep) -> StepCacheExplanation:
    """Why the step run was cached, or which cache key components made it rerun."""
    client = Client(session)
    explanation = client.explain_cache(client.get_run_step(step_run_id))
    return StepCacheExplanation(
        step_name=explanation.step_name,
        status=explanation.status,
        reasons=explanation.reasons,
        changes=[
            CacheComponentChange(name=c.name, before=c.before, after=c.after)
            for c in explanation.changes
        ],
        baseline_step_run_id=explanation.baseline_step_run_id,
    )
