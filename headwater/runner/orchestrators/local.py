"""`LocalOrchestrator`: runs steps one after another in this process."""

from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.errors import StepExecutionError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from headwater.compiler.spec import PipelineSpec, StepSpec
    from headwater.runner.orchestrators.base import StepCallbacks
    from headwater.runner.step_executor import ArtifactRef, StepOutcome
    from headwater.store.models import PipelineRun


class LocalOrchestrator:
    """Executes steps in the spec's order (a valid topological order), stopping at the
    first failure (after a step's retries)."""

    name = "local"

    def run(self, run: PipelineRun, spec: PipelineSpec, steps: StepCallbacks) -> None:
        """Execute every step in order; a failure propagates and stops the rest."""
        outputs: dict[str, dict[str, ArtifactRef]] = {}
        for step in spec.steps:
            inputs = {i.name: outputs[i.step][i.output] for i in step.inputs}
            outputs[step.name] = _execute_with_retries(steps, step, inputs).outputs


def _execute_with_retries(
    steps: StepCallbacks, step: StepSpec, inputs: Mapping[str, ArtifactRef]
) -> StepOutcome:
    """Execute `step`, once more per retry while attempts fail (each one recorded)."""
    for _ in range(step.retries):
        try:
            return steps.execute(step, inputs)
        except StepExecutionError:
            continue
    return steps.execute(step, inputs)
