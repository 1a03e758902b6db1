"""`LocalOrchestrator`: runs steps one after another in this process."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headwater.compiler.spec import PipelineSpec
    from headwater.runner.orchestrators.base import StepCallbacks
    from headwater.runner.step_executor import ArtifactRef
    from headwater.store.models import PipelineRun


class LocalOrchestrator:
    """Executes steps in the spec's order (a valid topological order), stopping at the
    first failure."""

    name = "local"

    def run(self, run: PipelineRun, spec: PipelineSpec, steps: StepCallbacks) -> None:
        """Execute every step in order; a failure propagates and stops the rest."""
        outputs: dict[str, dict[str, ArtifactRef]] = {}
        for step in spec.steps:
            inputs = {i.name: outputs[i.step][i.output] for i in step.inputs}
            outputs[step.name] = steps.execute(step, inputs).outputs
