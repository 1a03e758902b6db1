"""Execute one step of a run given only ids and stores, in any process.

A worker (`python -m headwater.worker`, see `headwater/worker.py`) calls
`execute_step_by_ids`. The step's code is imported from its recorded source path, its
inputs are found through the store, and everything is recorded exactly as for an
in-process step.
"""

from __future__ import annotations

import contextlib
import importlib
import uuid
from collections.abc import Callable
from typing import Any

from headwater.artifacts.artifact_store import ArtifactStore
from headwater.compiler.spec import PipelineSpec, StepSpec
from headwater.errors import DefinitionError
from headwater.runner.context import ModelView
from headwater.runner.models import linked_model_versions
from headwater.runner.run_steps import recorded_step_runs
from headwater.runner.step_executor import (
    ArtifactRef,
    StepExecutor,
    StepOutcome,
)
from headwater.store.base import RunRecorder

# A worker's exit code when its step raised (the traceback is in the store), as opposed
# to the worker itself breaking.
STEP_FAILED_EXIT_CODE = 3


def execute_step_by_ids(
    run_id: uuid.UUID,
    step_name: str,
    *,
    store: RunRecorder,
    artifact_store: ArtifactStore,
    model_view: ModelView | None = None,
) -> StepOutcome:
    """Execute `step_name` of run `run_id`, loading everything it needs from the stores.

    Raises:
        DefinitionError: the step's function cannot be imported in this process.
        StepExecutionError: the step raised.
    """
    run = store.get_run(run_id)
    spec = PipelineSpec.from_dict(run.config["spec"])
    step = spec.step(step_name)
    inputs = _resolve_inputs(store, run_id, step)
    model_versions = linked_model_versions(store, run) if step.model is not None else {}
    executor = StepExecutor(
        store, artifact_store, model_versions=model_versions, model_view=model_view
    )
    with contextlib.closing(executor):
        return executor.execute(run, step, inputs, import_function(step))


def import_function(step: StepSpec) -> Callable[..., Any]:
    """Import a step's function from its recorded `module:qualname` source path."""
    module_name, _, qualname = step.source.partition(":")
    try:
        target: Any = importlib.import_module(module_name)
        for part in qualname.split("."):
            target = getattr(target, part)
    except (ImportError, AttributeError) as exc:
        raise DefinitionError(
            f"Cannot import step '{step.name}' from '{step.source}' in this process: {exc}. "
            f"Define steps in an importable module (not a notebook or __main__) to run "
            f"them outside the process that started the run."
        ) from exc
    function: Callable[..., Any] = getattr(target, "entrypoint", target)
    return function


def _resolve_inputs(
    store: RunRecorder, run_id: uuid.UUID, step: StepSpec
) -> dict[str, ArtifactRef]:
    if not step.inputs:
        return {}
    upstream = recorded_step_runs(store, run_id, list(step.upstream))
    # A retried step has a failed step run per failed attempt: read the successful one.
    outputs = {s.name: s.outputs for s in upstream if s.status.is_successful}
    ids = {i.name: outputs[i.step][i.output] for i in step.inputs}
    versions = store.get_artifact_versions(list(ids.values()))
    return {name: ArtifactRef.of(versions[vid]) for name, vid in ids.items()}
