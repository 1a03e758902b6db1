"""The `Orchestrator` protocol: walk a spec, calling back to execute each step."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from headwater.compiler.spec import PipelineSpec, StepSpec
    from headwater.runner.step_executor import ArtifactRef, StepOutcome
    from headwater.store.models import PipelineRun

ExecuteStep = Callable[["StepSpec", Mapping[str, "ArtifactRef"]], "StepOutcome"]


class Orchestrator(Protocol):
    """Decides where and when steps run; the executor does the rest."""

    name: str

    def run(self, run: PipelineRun, spec: PipelineSpec, execute: ExecuteStep) -> None:
        """Execute every step of `spec` once its inputs exist.

        Raises:
            StepExecutionError: a step failed; steps that depend on it were not started.
        """
        ...
