"""Execute one step of a run given only ids and store locations, in any process.

This is what a distributed orchestrator ships to a worker:

    python -m headwater.runner.entrypoint RUN_ID STEP_NAME STORE_URL ARTIFACT_STORE_URL

The step's code is imported from its recorded source path, its inputs are found through
the store, and everything is recorded exactly as for an in-process step.
"""

from __future__ import annotations

import importlib
import sys
import uuid
from collections.abc import Callable
from typing import Any

from headwater.artifacts.artifact_store import ArtifactStore
from headwater.compiler.spec import PipelineSpec, StepSpec
from headwater.errors import DefinitionError, HeadwaterError
from headwater.runner.models import linked_model_versions
from headwater.runner.run_steps import recorded_step_runs
from headwater.runner.step_executor import (
    ArtifactRef,
    StepExecutionError,
    StepExecutor,
    StepOutcome,
)
from headwater.store.base import RunRecorder, Store
from headwater.store.factory import open_store

# Exit code of a step that raised (its traceback is in the store), as opposed to a crash.
STEP_FAILED_EXIT_CODE = 3


def execute_step_by_ids(
    run_id: uuid.UUID, step_name: str, *, store: Store, artifact_store: ArtifactStore
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
    executor = StepExecutor(store, artifact_store, model_versions=model_versions)
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
    outputs = {s.name: s.outputs for s in upstream}
    ids = {i.name: outputs[i.step][i.output] for i in step.inputs}
    versions = store.get_artifact_versions(list(ids.values()))
    return {name: ArtifactRef.of(versions[vid]) for name, vid in ids.items()}


def main(argv: list[str]) -> int:
    """Run one step from the command line; exit 0 on success, 3 if the step raised."""
    run_id, step_name, store_url, artifact_store_url = argv
    store = open_store(store_url)
    try:
        execute_step_by_ids(
            uuid.UUID(run_id),
            step_name,
            store=store,
            artifact_store=ArtifactStore(artifact_store_url),
        )
    except StepExecutionError:
        return STEP_FAILED_EXIT_CODE
    except HeadwaterError as exc:
        sys.stderr.write(f"Error: {exc}\n")
        return 1
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
