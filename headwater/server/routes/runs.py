"""`/runs`: create, list, read, update and delete pipeline runs, and draw their DAG."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status

from headwater.server.access import CallerDep
from headwater.server.dag_cache import DagCache
from headwater.server.dependencies import SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.idempotency import WriteKeyDep, apply_once
from headwater.server.identity import author_name
from headwater.server.listing import RunListParams, RunStepListParams
from headwater.server.schemas import (
    PendingStep,
    RunDagResponse,
    RunPage,
    RunStatusUpdate,
    StepRunPage,
)
from headwater.session import Session
from headwater.store.dag import MAX_PATCH_STEPS, RunDag
from headwater.store.models import PipelineRun, RunCreate
from headwater.store.permissions import Resource

router = APIRouter(tags=["runs"], responses=ERROR_RESPONSES)


@router.post("/runs", operation_id="create_run", status_code=status.HTTP_201_CREATED)
def create_run(
    run: RunCreate, request: Request, session: SessionDep, key: WriteKeyDep
) -> PipelineRun:
    """Create a run in `initializing` (its pipeline, project and user on first use).

    In server mode the run is the logged-in user's, whatever `user_name` says. Sent
    again with the same `Idempotency-Key`, it answers the run it created.
    """
    user_name = author_name(request, run.user_name)
    authored = run.model_copy(update={"user_name": user_name})
    return apply_once(session.store, key, PipelineRun, lambda: session.store.create_run(authored))


@router.get("/runs", operation_id="list_runs")
def list_runs(
    session: SessionDep, caller: CallerDep, params: Annotated[RunListParams, Query()]
) -> RunPage:
    """List runs, filtered and sorted like `Client.list_pipeline_runs`.

    Filters take ZenML's `op:value` form, e.g. `status=oneof:[failed,stopped]`,
    `created=gte:2026-01-01`, `metadata=accuracy:gte:0.9`.
    """
    query = caller.scope(params.to_query(), Resource.RUN)
    page: RunPage = RunPage.of(session.store.list_runs(query))
    return page


@router.get("/runs/{run_id}", operation_id="get_run")
def get_run(run_id: str, session: SessionDep) -> PipelineRun:
    """Get a run by id or name."""
    return session.store.get_run(run_id)


@router.delete("/runs/{run_id}", operation_id="delete_run", status_code=status.HTTP_204_NO_CONTENT)
def delete_run(run_id: str, session: SessionDep) -> Response:
    """Delete a run (by id or name) with its step runs and metadata; artifacts stay."""
    run = session.store.get_run(run_id)
    session.store.delete_run(run.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put("/runs/{run_id}/status", operation_id="update_run_status")
def update_run_status(
    run_id: str, body: RunStatusUpdate, session: SessionDep, key: WriteKeyDep
) -> PipelineRun:
    """Move a run to a new status; `running` sets its start, a finished status its end.

    Sent again with the same `Idempotency-Key`, it answers as it did the first time.
    """
    run = session.store.get_run(run_id)
    return apply_once(
        session.store,
        key,
        PipelineRun,
        lambda: session.store.update_run_status(run.id, body.status, exception=body.exception),
    )


@router.post(
    "/runs/{run_id}/heartbeat",
    operation_id="record_run_heartbeat",
    status_code=status.HTTP_204_NO_CONTENT,
)
def record_run_heartbeat(run_id: str, session: SessionDep) -> Response:
    """Record that the process executing the run is alive."""
    run = session.store.get_run(run_id)
    session.store.heartbeat(run.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/runs/{run_id}/steps", operation_id="list_run_steps")
def list_run_steps(
    run_id: str, session: SessionDep, params: Annotated[RunStepListParams, Query()]
) -> StepRunPage:
    """List the step runs of one run, oldest first."""
    run = session.store.get_run(run_id)
    query = params.to_query()
    query = query.model_copy(update={"filters": {**query.filters, "run_id": str(run.id)}})
    page: StepRunPage = StepRunPage.of(session.store.list_step_runs(query))
    return page


@router.get(
    "/runs/{run_id}/dag",
    operation_id="get_run_dag",
    response_model=RunDagResponse,
    responses={304: {"description": "The DAG has not changed since the `If-None-Match` ETag."}},
)
def get_run_dag(run_id: str, session: SessionDep, request: Request) -> Response:
    """A run's steps, artifacts and edges with statuses, timings and cache state.

    Steps of the pipeline that have not started yet are listed in `pending_steps`. The
    answer carries an ETag: send it back in `If-None-Match` to get a 304 while the run
    has not changed.
    """
    run = session.store.get_run(run_id)
    event_id = session.store.last_event_id(run_id=run.id)
    cache: DagCache = request.app.state.dag_cache
    graph = cache.get_or_build(run.id, event_id, lambda: _graph_members(session, run))
    run_json = run.model_dump_json().encode()
    headers = {"ETag": graph.etag(run_json), "Cache-Control": "no-cache"}
    if _matches(request.headers.get("if-none-match"), headers["ETag"]):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(graph.body(run_json), media_type="application/json", headers=headers)


@router.get("/runs/{run_id}/dag/steps", operation_id="get_run_dag_steps")
def get_run_dag_steps(
    run_id: str,
    session: SessionDep,
    step_run_id: Annotated[list[uuid.UUID] | None, Query(max_length=MAX_PATCH_STEPS)] = None,
) -> RunDag:
    """The part of a run's DAG about some of its step runs: the run, those steps, the edges
    on them and the artifact versions at their ends (with no step run, the run alone).

    A page that drew the DAG patches it with this as live events name changed steps,
    instead of fetching the whole graph again. Ids of other runs' steps are left out.
    """
    run = session.store.get_run(run_id)
    return session.store.get_run_dag_steps(run.id, step_run_id or [])


def _graph_members(session: Session, run: PipelineRun) -> bytes:
    """The DAG response's members after `run`, as JSON: `"steps":[...],...`."""
    dag = session.store.get_run_dag(run.id)
    started = {step.name for step in dag.steps}
    pending = tuple(p for p in _planned_steps(run.config) if p.name not in started)
    answer = RunDagResponse.model_construct(**dict(dag), pending_steps=pending)
    # Serialized here: FastAPI would validate all of a 5,000-step DAG again first.
    return answer.model_dump_json(exclude={"run"}).encode()[1:-1]


def _matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an `If-None-Match` header names `etag` (or `*`)."""
    if not if_none_match:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in tags or "*" in tags


def _planned_steps(config: dict[str, Any]) -> list[PendingStep]:
    """The steps the run's compiled spec lists (a run from an older writer may have none)."""
    spec = config.get("spec")
    steps = spec.get("steps") if isinstance(spec, dict) else None
    if not isinstance(steps, list):
        return []
    planned = []
    for step in steps:
        if isinstance(step, dict) and isinstance(step.get("name"), str):
            upstream = step.get("upstream")
            names = (
                [u for u in upstream if isinstance(u, str)] if isinstance(upstream, list) else []
            )
            planned.append(PendingStep(name=step["name"], upstream=names))
    return planned
