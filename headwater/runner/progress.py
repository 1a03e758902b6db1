"""Progress of a run as `logging` records: a run starts, each step starts and ends.

The runner only logs (logger `headwater.progress`, level INFO), each record carrying a
`ProgressEvent` in its `progress` attribute. Whoever owns the terminal decides how to show
them: `headwater.cli.progress` draws coloured lines when standard output is a terminal;
an application with its own logging setup sees plain messages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headwater.store.models import ExecutionStatus, PipelineRun, StepRun

logger = logging.getLogger("headwater.progress")


class ProgressKind(StrEnum):
    """What happened."""

    RUN_STARTED = "run_started"
    STEP_STARTED = "step_started"
    STEP_FINISHED = "step_finished"
    RUN_FINISHED = "run_finished"


@dataclass(frozen=True, slots=True)
class ProgressEvent:
    """One moment of a run, for a progress display."""

    kind: ProgressKind
    run_name: str
    pipeline_name: str
    step_name: str | None = None
    status: ExecutionStatus | None = None
    duration_seconds: float | None = None
    is_cache_hit: bool = False


def report_run_started(run: PipelineRun) -> None:
    """Log that a run has started."""
    _emit(
        ProgressEvent(ProgressKind.RUN_STARTED, run.name, run.pipeline_name),
        f"Run '{run.name}' of pipeline '{run.pipeline_name}' started.",
    )


def report_step_started(run: PipelineRun, step_name: str) -> None:
    """Log that a step is about to run (or be found in the cache)."""
    _emit(
        ProgressEvent(ProgressKind.STEP_STARTED, run.name, run.pipeline_name, step_name),
        f"Step '{step_name}' started.",
    )


def report_step_finished(run: PipelineRun, step_run: StepRun) -> None:
    """Log a step's end: its status, how long it took, whether it was a cache hit."""
    seconds = step_run.duration_seconds
    event = ProgressEvent(
        ProgressKind.STEP_FINISHED,
        run.name,
        run.pipeline_name,
        step_run.name,
        step_run.status,
        seconds,
        is_cache_hit=step_run.original_step_run_id is not None,
    )
    took = "" if seconds is None else f" in {seconds:.2f} s"
    _emit(event, f"Step '{step_run.name}' {step_run.status}{took}.")


def report_run_finished(run: PipelineRun) -> None:
    """Log a run's end with its status and duration."""
    seconds = None
    if run.started is not None and run.ended is not None:
        seconds = (run.ended - run.started).total_seconds()
    event = ProgressEvent(
        ProgressKind.RUN_FINISHED, run.name, run.pipeline_name, None, run.status, seconds
    )
    took = "" if seconds is None else f" in {seconds:.2f} s"
    _emit(event, f"Run '{run.name}' {run.status}{took}.")


def _emit(event: ProgressEvent, message: str) -> None:
    if logger.isEnabledFor(logging.INFO):
        logger.info(message, extra={"progress": event})


def report_step_failed(run: PipelineRun, step_name: str) -> None:
    """Log that a step raised (its traceback is in the run's record and the step's log)."""
    from headwater.store.models import ExecutionStatus

    event = ProgressEvent(
        ProgressKind.STEP_FINISHED, run.name, run.pipeline_name, step_name, ExecutionStatus.FAILED
    )
    _emit(event, f"Step '{step_name}' failed.")
