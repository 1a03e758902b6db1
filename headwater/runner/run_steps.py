"""`RunSteps`: the run's side of the orchestrator protocol (see `orchestrators.base`).

Every step, wherever it executes, is reported here once when it starts and once when it
ends, so progress lines and `on_step` listeners never depend on the orchestrator.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from headwater.errors import StepExecutionError
from headwater.runner import progress
from headwater.runner.step_executor import ArtifactRef, StepOutcome
from headwater.store.filters import ListQuery

if TYPE_CHECKING:
    from headwater.compiler.spec import StepSpec
    from headwater.runner.step_executor import StepExecutor
    from headwater.store.base import RunRecorder
    from headwater.store.models import PipelineRun, StepRun

StepListener = Callable[[StepOutcome], None]
# More attempts than any step makes (retries are a handful, not hundreds).
_MOST_ATTEMPTS = 50


@dataclass(frozen=True)
class RunSteps:
    """Executes and reports the steps of one run for its orchestrator."""

    run: PipelineRun
    store: RunRecorder
    executor: StepExecutor
    functions: Mapping[str, Callable[..., Any]]
    on_step: StepListener | None = None

    def execute(self, step: StepSpec, inputs: Mapping[str, ArtifactRef]) -> StepOutcome:
        """Execute `step` in this process, reporting its start and end."""
        self.started(step)
        try:
            outcome = self.executor.execute(self.run, step, inputs, self.functions[step.name])
        except StepExecutionError:
            self.failed(step)
            raise
        self._report_finished(outcome)
        return outcome

    def started(self, step: StepSpec) -> None:
        """Report that `step` is starting (here or elsewhere)."""
        progress.report_step_started(self.run, step.name)

    def finished(self, step: StepSpec) -> StepOutcome:
        """Report the end of a step executed elsewhere, as the store recorded it."""
        outcome = recorded_outcome(self.store, self.run.id, step.name)
        self._report_finished(outcome)
        return outcome

    def failed(self, step: StepSpec) -> None:
        """Report that `step` failed (here or elsewhere)."""
        progress.report_step_failed(self.run, step.name)

    def _report_finished(self, outcome: StepOutcome) -> None:
        progress.report_step_finished(self.run, outcome.step_run)
        if self.on_step is not None:
            self.on_step(outcome)


def recorded_step_runs(store: RunRecorder, run_id: uuid.UUID, names: list[str]) -> list[StepRun]:
    """The step runs of `run_id` with these names, as the store recorded them (a step
    retried has one per attempt)."""
    query = ListQuery(
        filters={"run_id": str(run_id), "name": f"oneof:{json.dumps(names)}"},
        size=min(10_000, max(1, len(names) * _MOST_ATTEMPTS)),
    )
    return list(store.list_step_runs(query).items)


def recorded_outcome(store: RunRecorder, run_id: uuid.UUID, step_name: str) -> StepOutcome:
    """The outcome of a step another process executed, read back from the store.

    Raises:
        StepExecutionError: the store holds no successful run of the step.
    """
    found = recorded_step_runs(store, run_id, [step_name])
    successful = [s for s in found if s.status.is_successful]
    if not successful:
        status = found[0].status.value if found else "not recorded"
        raise StepExecutionError(
            step_name, f"The step's process ended, but its step run is {status}."
        )
    step_run = successful[0]
    versions = store.get_artifact_versions(list(step_run.outputs.values()))
    outputs = {name: ArtifactRef.of(versions[vid]) for name, vid in step_run.outputs.items()}
    return StepOutcome(step_run, outputs)
