"""`POST /runs/compare`: runs side by side, in one request for up to 500 runs."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from headwater.comparison import MAX_RUNS, MIN_RUNS, compare_runs, find_runs
from headwater.server.access import Caller, CallerDep, invisible
from headwater.server.dependencies import SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.scopes import Locator
from headwater.store.collection_pause import collection_paused
from headwater.store.models import PipelineRun
from headwater.store.permissions import Resource
from headwater.store.value_types import Name

router = APIRouter(tags=["runs"], responses=ERROR_RESPONSES)


class ComparisonRequest(BaseModel):
    """Which runs to compare, in column order, and which one deltas are taken against."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    runs: list[Name] = Field(
        min_length=MIN_RUNS, max_length=MAX_RUNS, description="Run names or ids."
    )
    baseline: Name | None = Field(None, description="One of `runs`; the first by default.")


class ComparedRun(BaseModel):
    """One column of a comparison."""

    id: str
    name: str
    pipeline_name: str


class CellDelta(BaseModel):
    """A number's change against the baseline (both null for a changed non-number)."""

    absolute: float | None
    percent: float | None


class ComparisonRowBody(BaseModel):
    """One key across the runs: `values[i]` is `runs[i]`'s, null where it has none."""

    group: str
    key: str
    differs: bool
    values: list[Any]
    deltas: list[CellDelta | None]


class ComparisonBody(BaseModel):
    """Runs side by side: rows grouped (run, parameters, metadata, step metadata, steps,
    outputs, configuration), each with every run's value and delta."""

    runs: list[ComparedRun]
    baseline: str
    rows: list[ComparisonRowBody]


@router.post("/runs/compare", operation_id="compare_runs", response_model=ComparisonBody)
def compare(body: ComparisonRequest, session: SessionDep, caller: CallerDep) -> JSONResponse:
    """Compare 2 to 500 runs: parameters, run and step metadata, step status, duration
    and cache hits, output hashes and configuration, one row per key.

    A run the caller cannot read answers 404 as if it did not exist.
    """
    runs = [
        _readable(caller, ref, run)
        for ref, run in zip(body.runs, find_runs(session.store, body.runs), strict=True)
    ]
    baseline = (
        None
        if body.baseline is None
        else _readable(caller, body.baseline, session.store.get_run(body.baseline))
    )
    with collection_paused():  # the answer for 100 runs x 500 keys is 50,000 cells
        comparison = compare_runs(session.store, runs, baseline=baseline)
        # Plain data: validating 50,000 cells into models would double the answer's time.
        return JSONResponse(comparison.to_body())


def _readable(caller: Caller, ref: str, run: PipelineRun) -> PipelineRun:
    if not caller.may_read(Resource.RUN, run.project_id):
        raise invisible(Locator.RUN, ref)
    return run
