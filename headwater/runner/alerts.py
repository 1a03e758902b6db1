"""The `RunAlerter` protocol: told when a run ends, so a stack's alerter can tell people.

An alert is a side effect of a run, never part of it: whatever the alerter does or
raises, the run's recorded status stays what its steps made it (the error is logged).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from headwater.store.models import PipelineRun

logger = logging.getLogger("headwater")


class RunAlerter(Protocol):
    """What the runner calls when a run has finished (completed or failed)."""

    def run_finished(self, run: PipelineRun) -> None:
        """Tell whoever should know that `run` ended with `run.status`."""
        ...


def send_run_alert(alerter: RunAlerter | None, run: PipelineRun) -> None:
    """Call the alerter, logging (never raising) whatever goes wrong."""
    if alerter is None:
        return
    try:
        alerter.run_finished(run)
    except Exception as exc:  # any alerter failure: the run's outcome must not change
        logger.warning(
            "The alerter could not report that run '%s' ended %s: %s. The run is recorded "
            "as it ended; check the alerter's settings (`headwater component describe`).",
            run.name,
            run.status.value,
            exc,
        )
