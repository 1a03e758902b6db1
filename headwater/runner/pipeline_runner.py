"""`run_pipeline`: create a run, walk its spec through an orchestrator, record the end."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn

from pydantic import ValidationError

from headwater.errors import DefinitionError, HeadwaterError, RunRefusedError, StepExecutionError
from headwater.runner import progress
from headwater.runner.alerts import RunAlerter, send_run_alert
from headwater.runner.early_ends import stop_interrupted_run, stop_refused_run
from headwater.runner.heartbeat import Heartbeat
from headwater.runner.logs import get_log_capture
from headwater.runner.models import apply_promotion_rules, resolve_run_models
from headwater.runner.orchestrators.local import LocalOrchestrator
from headwater.runner.run_steps import RunSteps, StepListener
from headwater.runner.step_executor import StepExecutor
from headwater.store.models import ExecutionStatus, PipelineRun, RunCreate

if TYPE_CHECKING:
    from headwater.artifacts.artifact_store import ArtifactStore
    from headwater.compiler.spec import PipelineSpec
    from headwater.runner.context import ModelView
    from headwater.runner.orchestrators.base import Orchestrator
    from headwater.store.base import RunRecorder
    from headwater.store.model_registry import ModelVersion

logger = logging.getLogger("headwater")


@dataclass(frozen=True)
class RunTarget:
    """Where a run records itself: the two stores and how often it proves it is alive."""

    store: RunRecorder
    artifact_store: ArtifactStore
    heartbeat_interval: float = 5.0
    orchestrator: Orchestrator = field(default_factory=LocalOrchestrator)
    # The stack the run executes on, recorded with its components' settings.
    stack_id: uuid.UUID | None = None
    # The project the run (and the model versions it makes) is recorded in.
    project: str = "default"
    # What `get_step_context().model` answers (without it, steps cannot ask).
    model_view: ModelView | None = None
    # Told when the run ends (the stack's alerter); its failures are only logged.
    alerter: RunAlerter | None = None


def run_pipeline(
    spec: PipelineSpec,
    target: RunTarget,
    *,
    functions: Mapping[str, Callable[..., Any]],
    on_step: StepListener | None = None,
) -> PipelineRun:
    """Run a compiled pipeline to the end and return the finished run.

    Args:
        spec: The compiled pipeline.
        target: The stores and orchestrator to use.
        functions: Step name -> the step's function, for steps defined in this process.
        on_step: Called after each step finishes (completed or cached), for progress.

    Raises:
        Exception: the exception a failed step raised, with a note naming the run.
    """
    # Pipelines may run from several threads: outside its steps, this one's output
    # belongs to no other thread's step (see runner/logs/capture.py).
    with get_log_capture().pipeline_thread():
        return _run_recorded(spec, target, functions=functions, on_step=on_step)


def _run_recorded(
    spec: PipelineSpec,
    target: RunTarget,
    *,
    functions: Mapping[str, Callable[..., Any]],
    on_step: StepListener | None,
) -> PipelineRun:
    store = target.store
    run = store.create_run(_run_create(spec, target))
    model_versions = _resolve_models(store, spec, run, target.project)
    executor = StepExecutor(
        store, target.artifact_store, model_versions=model_versions, model_view=target.model_view
    )

    steps = RunSteps(run, store, executor, functions, on_step)

    failure: StepExecutionError | None = None
    with Heartbeat(store, run.id, target.heartbeat_interval):
        run = store.update_run_status(run.id, ExecutionStatus.RUNNING)
        progress.report_run_started(run)
        try:
            target.orchestrator.run(run, spec, steps)
        except StepExecutionError as exc:
            failure = exc
        except RunRefusedError as exc:  # before any step: nothing failed
            progress.report_run_finished(stop_refused_run(store, run, exc))
            raise
        except BaseException as exc:  # Ctrl-C, SystemExit, a store that went away
            progress.report_run_finished(stop_interrupted_run(store, run, exc))
            raise
        finally:
            # Every step has ended and recorded its outputs: the folders need no claim.
            executor.close()
    if failure is None:
        run = store.update_run_status(run.id, ExecutionStatus.COMPLETED)
        progress.report_run_finished(run)
        apply_promotion_rules(store, spec, model_versions, run)
        send_run_alert(target.alerter, run)
        return run
    failed = store.update_run_status(
        run.id,
        ExecutionStatus.FAILED,
        exception=f"Step '{failure.step_name}' failed.\n{failure.traceback_text}",
    )
    progress.report_run_finished(failed)
    send_run_alert(target.alerter, failed)
    _raise_step_failure(failure, run)


def _run_create(spec: PipelineSpec, target: RunTarget) -> RunCreate:
    """The record of a new run of `spec`.

    Raises:
        DefinitionError: a name or tag is one no store can keep (too long, NUL).
    """
    try:
        return RunCreate(
            pipeline_name=spec.name,
            spec_hash=spec.structure_hash,
            spec=spec.structure,
            name=spec.run_name,
            tags=spec.tags,
            config={"spec": spec.to_dict(), "artifact_store": target.artifact_store.root_uri},
            orchestrator=target.orchestrator.name,
            stack_id=target.stack_id,
            project_name=target.project,
            heartbeat_seconds=target.heartbeat_interval,
        )
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])} {error['msg'].lower()}"
            for error in exc.errors()
        )
        raise DefinitionError(f"Pipeline '{spec.name}' cannot be recorded: {problems}.") from None


def _resolve_models(
    store: RunRecorder, spec: PipelineSpec, run: PipelineRun, project: str
) -> dict[str, ModelVersion]:
    """The run's model versions; if one cannot be found the run is recorded as failed."""
    try:
        return resolve_run_models(store, spec, run, project=project)
    except HeadwaterError as exc:
        store.update_run_status(run.id, ExecutionStatus.FAILED, exception=str(exc))
        raise


def _raise_step_failure(failure: StepExecutionError, run: PipelineRun) -> NoReturn:
    # Re-raise the user's own exception so `except ValueError` keeps working.
    original = failure.__cause__
    note = (
        f"Headwater: step '{failure.step_name}' failed in run '{run.name}' (id {run.id}); "
        f"the run is recorded as failed."
    )
    if isinstance(original, Exception):
        original.add_note(note)
        raise original
    raise failure
