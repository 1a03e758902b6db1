"""`SubprocessOrchestrator`: runs every step in a fresh Python process.

Each step gets only (run id, step name, store URL, artifact store URL), exactly what a
distributed orchestrator ships to a worker, so this is also the proof that steps need no
state from the process that started the run. Steps must live in importable modules.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from headwater.errors import StepExecutionError
from headwater.python_command import python_module_command
from headwater.runner.entrypoint import STEP_FAILED_EXIT_CODE

if TYPE_CHECKING:
    from headwater.compiler.spec import PipelineSpec, StepSpec
    from headwater.runner.orchestrators.base import StepCallbacks
    from headwater.store.models import PipelineRun


class SubprocessOrchestrator:
    """Executes steps one at a time, each in its own interpreter."""

    name = "subprocess"

    def __init__(self, store_url: str, artifact_store_url: str) -> None:
        self.store_url = store_url
        self.artifact_store_url = artifact_store_url

    def run(self, run: PipelineRun, spec: PipelineSpec, steps: StepCallbacks) -> None:
        """Run each step in a child process, in order; stop at the first failure."""
        for step in spec.steps:
            steps.started(step)
            try:
                self._run_step(run, step)
            except StepExecutionError:
                steps.failed(step)
                raise
            steps.finished(step)

    def _run_step(self, run: PipelineRun, step: StepSpec) -> None:
        command = python_module_command(
            "headwater.worker", str(run.id), step.name, self.store_url, self.artifact_store_url
        )
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode == STEP_FAILED_EXIT_CODE:
            raise StepExecutionError(step.name, "(see the step run's recorded exception)")
        if result.returncode != 0:
            raise StepExecutionError(
                step.name,
                f"The step's process exited with code {result.returncode}:\n{result.stderr}",
            )
