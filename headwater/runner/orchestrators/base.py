"""The `Orchestrator` protocol: walk a spec, calling back for every step.

An orchestrator decides where and when each step runs. Whatever it decides, it calls
back to the run for every step, so progress lines, `on_step` listeners and the run's
outputs see the same steps in the same way:

- a step executed in this process goes through `StepCallbacks.execute`, which reports
  its start and end itself;
- a step executed elsewhere (another process, a Ray task, a remote worker) is bracketed
  by `started(step)` before it is shipped and `finished(step)` or `failed(step)` after.

What a remote orchestrator ships to a worker is the run id, the step's name and how to
reach the run's stores: the metadata store's URL and the artifact store's URL. For a
server, a worker elsewhere also gets a token the server scoped to this run (from the
store's `WorkerTokenIssuer` role), never the user's own; a worker on this machine reads
the login saved in `$HEADWATER_HOME`. A worker in a fresh interpreter runs

    python -m headwater.worker RUN_ID STEP_NAME STORE_URL ARTIFACT_STORE_URL

and one that has an interpreter already (a Ray task: `integrations/ray/task.py` ships
these as a `StepTask`) calls `runner.entrypoint.execute_step_by_ids`. Either imports the
step from its recorded source, finds its inputs through the store and records the step
run and its outputs exactly as an in-process step would; inputs and outputs move as
artifact-store URIs, never through the engine.

Nothing else comes back but how the worker ended: `python -m headwater.worker` exits 0
when the step finished, 3 when the step raised and its traceback is recorded, anything
else when the worker itself broke (a Ray task answers the same as a `WorkerReport`, with
the node it ran on). `finished(step)` then reads the recorded step run and its outputs
back from the store, and its answer carries what downstream steps need. Retries and
status changes are Headwater's: an engine's own retries stay off, and each attempt is a
step run of its own (see `integrations/ray/orchestrator.py`).
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
