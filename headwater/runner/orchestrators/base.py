"""The `Orchestrator` protocol: walk a spec, calling back for every step.

An orchestrator decides where and when each step runs. Whatever it decides, it calls
back to the run for every step, so progress lines, `on_step` listeners and the run's
outputs see the same steps in the same way:

- a step executed in this process goes through `StepCallbacks.execute`, which reports
  its start and end itself;
- a step executed elsewhere (another process, a Ray task, a remote worker) is bracketed
  by `started(step)` before it is shipped and `finished(step)` or `failed(step)` after.

What a remote orchestrator ships to a worker is four strings: the run id, the step's
name, the metadata store's URL and the artifact store's URL. The worker runs

    python -m headwater.worker RUN_ID STEP_NAME STORE_URL ARTIFACT_STORE_URL

(or calls `runner.entrypoint.execute_step_by_ids` in an interpreter it has), which
imports the step from its recorded source, finds its inputs through the store and records
the step run and its outputs exactly as an in-process step would. Nothing else comes
back but how the worker ended (it exits 0 when the step finished, 3 when the
step raised and its traceback is recorded, anything else when the worker itself broke):
`finished(step)` reads the recorded step run and its outputs back from the store, and
its answer carries what downstream steps need.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from headwater.compiler.spec import PipelineSpec, StepSpec
    from headwater.runner.step_executor import ArtifactRef, StepOutcome
    from headwater.store.models import PipelineRun


class StepCallbacks(Protocol):
    """What an orchestrator calls for each step of the run it walks."""

    def execute(self, step: StepSpec, inputs: Mapping[str, ArtifactRef]) -> StepOutcome:
        """Execute `step` in this process, reporting its start and end.

        Raises:
            StepExecutionError: the step raised; it is recorded as failed.
        """
        ...

    def started(self, step: StepSpec) -> None:
        """Report that `step` is being executed elsewhere."""
        ...

    def finished(self, step: StepSpec) -> StepOutcome:
        """Report the end of a step executed elsewhere, read back from the store.

        Raises:
            StepExecutionError: the store has no finished record of the step.
        """
        ...

    def failed(self, step: StepSpec) -> None:
        """Report that a step executed elsewhere failed."""
        ...


class Orchestrator(Protocol):
    """Decides where and when steps run; the executor does the rest."""

    name: str

    def run(self, run: PipelineRun, spec: PipelineSpec, steps: StepCallbacks) -> None:
        """Execute every step of `spec` once its inputs exist, calling back for each.

        Raises:
            StepExecutionError: a step failed; steps that depend on it were not started.
        """
        ...
