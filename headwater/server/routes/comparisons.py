"""`POST /runs/compare`: runs side by side, in one request for up to 500 runs; and
`POST /runs/compare/export`: the view on screen as the CLI's CSV or JSON, byte for byte."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_json

from headwater.comparison import MAX_RUNS, MIN_RUNS, RunComparison, compare_runs, find_runs
from headwater.server.access import Caller, CallerDep, invisible
from headwater.server.dependencies import SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.scopes import Locator
from headwater.store.base import Store
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
    deltas: list[CellDelta | None] | None = Field(
        description="Each run's change against the baseline; null when asked for none."
    )


class ComparisonBody(BaseModel):
    """Runs side by side: rows grouped (run, parameters, metadata, step metadata, steps,
    outputs, configuration), each with every run's value and delta."""

    runs: list[ComparedRun]
    baseline: str
    rows: list[ComparisonRowBody]


@router.post("/runs/compare", operation_id="compare_runs", response_model=ComparisonBody)
def compare(
    body: ComparisonRequest,
    session: SessionDep,
    caller: CallerDep,
    deltas: bool = Query(
        True,
        description="Include each cell's change against the baseline; a reader that "
        "works deltas out itself asks for none and gets an answer a quarter the size.",
    ),
) -> Response:
    """Compare 2 to 500 runs: parameters, run and step metadata, step status, duration
    and cache hits, output hashes and configuration, one row per key.

    A run the caller cannot read answers 404 as if it did not exist.
    """
    with collection_paused():  # the answer for 100 runs x 500 keys is 50,000 cells
        comparison = _compare(session.store, caller, body)
        # Plain data, encoded by pydantic's JSON writer: validating 50,000 cells into
        # models would double the answer's time, and the json module takes 3x as long.
        content = to_json(comparison.to_body(with_deltas=deltas))
        return Response(content, media_type="application/json")


class ExportFormat(StrEnum):
    """What an export is written as: the same text as `headwater runs compare -o ...`."""

    CSV = "csv"
    JSON = "json"


class RowRef(BaseModel):
    """One row of a comparison, by its group and key."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    group: str
    key: str


class ComparisonExportRequest(ComparisonRequest):
    """A view of a comparison: its runs in column order, its baseline, whether only rows
    that differ are kept, and which rows are on screen."""

    diff_only: bool = Field(False, description="Keep only the rows whose values differ.")
    rows: list[RowRef] | None = Field(
        None, description="The rows shown (every row when absent); kept in the table's order."
    )
    format: ExportFormat = ExportFormat.CSV


_EXPORT_MEDIA = {ExportFormat.CSV: "text/csv", ExportFormat.JSON: "application/json"}


@router.post(
    "/runs/compare/export",
    operation_id="export_run_comparison",
    response_class=Response,
    responses={200: {"content": {media: {} for media in _EXPORT_MEDIA.values()}}},
)
def export(body: ComparisonExportRequest, session: SessionDep, caller: CallerDep) -> Response:
    """Export a comparison as CSV or JSON, exactly as `headwater runs compare` prints it.

    The dashboard sends the view on screen (visible runs in order, baseline, differences
    only, visible rows), so its download and the CLI's `-o csv` of the same runs are the
    same bytes: the text is made once, here, by the comparison itself.
    """
    comparison = _compare(session.store, caller, body)
    if body.diff_only:
        comparison = comparison.differences()
    if body.rows is not None:
        comparison = comparison.keeping((row.group, row.key) for row in body.rows)
    # `-o json` ends its text with a newline; CSV rows already end with one.
    is_csv = body.format is ExportFormat.CSV
    text = comparison.to_csv() if is_csv else comparison.to_json() + "\n"
    headers = {"Content-Disposition": f'attachment; filename="comparison.{body.format.value}"'}
    return Response(text, media_type=_EXPORT_MEDIA[body.format], headers=headers)


def _compare(store: Store, caller: Caller, body: ComparisonRequest) -> RunComparison:
    runs = [
        _readable(caller, ref, run)
        for ref, run in zip(body.runs, find_runs(store, body.runs), strict=True)
    ]
    baseline = (
        None
        if body.baseline is None
        else _readable(caller, body.baseline, store.get_run(body.baseline))
    )
    return compare_runs(store, runs, baseline=baseline)


def _readable(caller: Caller, ref: str, run: PipelineRun) -> PipelineRun:
    if not caller.may_read(Resource.RUN, run.project_id):
        raise invisible(Locator.RUN, ref)
    return run
