"""Ending steps and runs that stop before they complete, so none stays `running`.

A step can end early three ways: its function is interrupted (Ctrl-C, `SystemExit`, any
`BaseException`), the store refuses the write that records its end (a body too large
for the server, a NUL character PostgreSQL cannot keep), or the whole run is
interrupted while the step runs elsewhere. A run can also be refused by its orchestrator
before its first step (no cluster answers): it is stopped, saying why. Each records a
final status and a short reason; a failure to record even that is logged, never raised
over the original error.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from headwater.store.filters import ListQuery
from headwater.store.models import ExecutionStatus, StepRunEnd

if TYPE_CHECKING:
    import uuid

    from headwater.errors import RunRefusedError
    from headwater.store.base import RunRecorder
    from headwater.store.models import PipelineRun

logger = logging.getLogger("headwater")

# A reason is a line or two for a person, and must itself fit any store's limits.
_REASON_CHARACTERS = 500
# More unfinished steps than any run has at once.
_ALL_STEPS = 10_000


def describe_interruption(exc: BaseException, what: str) -> str:
    """`The step was interrupted by SystemExit: 3`, for `what` = "step"."""
    detail = short_reason(exc) if str(exc) else type(exc).__name__
    return f"The {what} was interrupted by {detail}."


def short_reason(exc: BaseException) -> str:
    """The exception's type and message, shortened and with no NUL, for a record."""
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    text = text.replace("\x00", "\\x00")
    if len(text) > _REASON_CHARACTERS:
        text = text[: _REASON_CHARACTERS - 3] + "..."
    return text


def finish_step_or_fall_back(store: RunRecorder, step_run_id: uuid.UUID, end: StepRunEnd) -> None:
    """Record `end`; if the store refuses it, record its status with a short reason only."""
    try:
        store.finish_step(step_run_id, end)
        return
    except Exception as exc:  # any refusal: the step must not stay running
        refusal = exc
    reason = (end.exception or "").replace("\x00", "\\x00")[:_REASON_CHARACTERS]
    short = StepRunEnd(
        status=end.status,
        resources=end.resources,
        exception=f"{reason}\n(The full record was refused: {short_reason(refusal)})".strip(),
    )
    try:
        store.finish_step(step_run_id, short)
    except Exception:
        logger.warning(
            "Could not record the end of step run %s as %s.",
            step_run_id,
            end.status,
            exc_info=True,
        )


def stop_interrupted_run(store: RunRecorder, run: PipelineRun, exc: BaseException) -> PipelineRun:
    """Stop the run `exc` interrupted and each of its steps still unfinished.

    Returns:
        The stopped run, or `run` as it was if the store could not record it.
    """
    return _stop_run(store, run, describe_interruption(exc, "run"))


def stop_refused_run(store: RunRecorder, run: PipelineRun, exc: RunRefusedError) -> PipelineRun:
    """Stop a run its orchestrator refused before any step started, saying why: nothing
    of the pipeline ran, so it did not fail.

    Returns:
        The stopped run, or `run` as it was if the store could not record it.
    """
    return _stop_run(store, run, f"The run was refused before its first step: {exc}")


def _stop_run(store: RunRecorder, run: PipelineRun, reason: str) -> PipelineRun:
    try:
        _stop_unfinished_steps(store, run.id, f"{reason} The step had not ended.")
        return store.update_run_status(run.id, ExecutionStatus.STOPPED, exception=reason)
    except Exception:
        logger.warning("Could not record run '%s' as stopped.", run.name, exc_info=True)
        return run


def _stop_unfinished_steps(store: RunRecorder, run_id: uuid.UUID, reason: str) -> None:
    query = ListQuery(
        filters={"run_id": str(run_id), "status": "oneof:[initializing,running]"},
        size=_ALL_STEPS,
    )
    for step_run in store.list_step_runs(query).items:
        finish_step_or_fall_back(
            store, step_run.id, StepRunEnd(status=ExecutionStatus.STOPPED, exception=reason)
        )
