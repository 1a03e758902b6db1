"""`RayOrchestrator`: each step whose inputs exist runs as a Ray task; independent steps
run at the same time.

The driver (the process that called the pipeline) walks the DAG and submits steps; a
task gets only a `StepTask` (run id, step name, store URLs) and answers a `WorkerReport`.
Retries are Headwater's: Ray's are off, and each attempt is a step run of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from headwater.errors import StepExecutionError
from headwater.integrations.ray import resources
from headwater.integrations.ray.cluster import (
    connect_ray,
    local_addresses,
    node_addresses,
    node_resources,
)
from headwater.integrations.ray.connection import WorkerConnection, check_workers_can_reach
from headwater.integrations.ray.settings import RayOrchestratorSettings
from headwater.integrations.ray.task import StepTask, WorkerReport, execute_step_task
from headwater.runner.early_ends import finish_step_or_fall_back
from headwater.runner.run_steps import recorded_step_runs
from headwater.store.base import WorkerTokenIssuer
from headwater.store.metadata import encode_metadata
from headwater.store.models import ExecutionStatus, MetadataTarget, StepRunEnd

if TYPE_CHECKING:
    from types import ModuleType

    from headwater.compiler.spec import PipelineSpec, StepSpec
    from headwater.runner.orchestrators.base import StepCallbacks
    from headwater.store.base import RunRecorder
    from headwater.store.models import PipelineRun, StepRun


class RayOrchestrator:
    """Runs each step as a Ray task once its inputs exist."""

    name = "ray"

    def __init__(
        self,
        settings: RayOrchestratorSettings | None = None,
        *,
        connection: WorkerConnection | None = None,
        store: RunRecorder | None = None,
    ) -> None:
        self.settings = settings or RayOrchestratorSettings()
        # Unset: the session's (what this process's runs record into).
        self._connection = connection
        self._store = store

    def run(self, run: PipelineRun, spec: PipelineSpec, steps: StepCallbacks) -> None:
        """Walk the DAG on Ray; a failed step stops new submissions, then raises.

        Raises:
            RunRefusedError: Ray cannot be joined, or its workers could not reach the
                run's stores (the runner records the run stopped).
            DefinitionError: a step's settings are not Ray's.
            StepExecutionError: a step failed (after its retries), or asks for resources
                no node has.
        """
        ray = connect_ray(self.settings)
        connection, store = self.worker_connection(run), self._recorder()
        check_workers_can_reach(connection, node_addresses(ray), local_addresses())
        options = _checked_options(spec, node_resources(ray))
        walk = _Walk(ray, run, steps, store, connection, options, self.settings)
        walk.walk(spec)

    def worker_connection(self, run: PipelineRun) -> WorkerConnection:
        """What the run's workers are sent to reach its stores. For a server, the token
        is one the server scoped to this run, never the user's own (`run_tokens.py`)."""
        if self._connection is not None:
            return self._connection
        from headwater.credentials import token_for
        from headwater.session import get_session

        session = get_session()
        settings = session.settings
        token = token_for(settings.store_url, settings.home)
        if token is not None and isinstance(session.store, WorkerTokenIssuer):
            token = session.store.issue_worker_token(run.id)
        return WorkerConnection(
            store_url=settings.store_url,
            artifact_store_url=str(run.config["artifact_store"]),
            token=token,
            rest_retry_seconds=settings.rest_retry_seconds,
        )

    def _recorder(self) -> RunRecorder:
        from headwater.session import get_session

        return self._store or get_session().store


def _checked_options(
    spec: PipelineSpec, nodes: list[dict[str, float]]
) -> dict[str, dict[str, Any]]:
    """Each step's task options; a step no node can hold fails the run before it starts."""
    options = {}
    for step in spec.steps:
        settings = resources.step_ray_settings(step)
        missing = resources.missing_resources(resources.requested_resources(settings), nodes)
        if missing:
            raise StepExecutionError(step.name, resources.describe_missing(step.name, missing))
        options[step.name] = resources.task_options(settings)
    return options


@dataclass(frozen=True, slots=True)
class _Attempt:
    step: StepSpec
    number: int


@dataclass
class _Walk:
    """One run's walk: submits ready steps, settles ended tasks, retries failed attempts."""

    ray: ModuleType
    run: PipelineRun
    steps: StepCallbacks
    store: RunRecorder
    connection: WorkerConnection
    options: dict[str, dict[str, Any]]
    settings: RayOrchestratorSettings
    done: set[str] = field(default_factory=set)
    submitted: set[str] = field(default_factory=set)
    in_flight: dict[Any, _Attempt] = field(default_factory=dict)
    failure: StepExecutionError | None = None

    def walk(self, spec: PipelineSpec) -> None:
        remote = self.ray.remote(execute_step_task)
        try:
            while True:
                if self.failure is None:
                    self._submit_ready(spec, remote)
                if not self.in_flight:
                    break
                # A bounded wait, so Ctrl-C reaches this loop while steps run.
                ended, _ = self.ray.wait(list(self.in_flight), num_returns=1, timeout=0.5)
                for ref in ended:
                    self._settle(ref, remote)
        except BaseException:
            # Ctrl-C (or a store gone away): tasks still running must not outlive the run.
            self._cancel_in_flight()
            raise
        if self.failure is not None:
            raise self.failure
        if len(self.done) < len(spec.steps):  # pragma: no cover - a DAG always drains
            raise StepExecutionError(spec.steps[-1].name, "Some steps could never start.")

    def _submit_ready(self, spec: PipelineSpec, remote: Any) -> None:
        limit = self.settings.max_steps_in_flight
        for step in spec.steps:
            if limit is not None and len(self.in_flight) >= limit:
                return
            if step.name not in self.submitted and set(step.upstream) <= self.done:
                self._submit(_Attempt(step, 1), remote)

    def _submit(self, attempt: _Attempt, remote: Any) -> None:
        step = attempt.step
        self.steps.started(step)
        task = StepTask(str(self.run.id), step.name, self.connection)
        ref = remote.options(name=f"{step.name}#{attempt.number}", **self.options[step.name])
        self.in_flight[ref.remote(task)] = attempt
        self.submitted.add(step.name)

    def _settle(self, ref: Any, remote: Any) -> None:
        attempt = self.in_flight.pop(ref)
        step = attempt.step
        report: WorkerReport | None = None
        try:
            report = self.ray.get(ref)
        except self.ray.exceptions.RayError as exc:
            error = self._worker_died(step, ref, exc)
        else:
            error = self._attempt_error(step, report)
        latest = self._latest_attempt(step)
        if latest is not None:
            self._record_where(latest, report, ref)
        if error is None:
            self.steps.finished(step)
            self.done.add(step.name)
            return
        self.steps.failed(step)
        if attempt.number <= step.retries and self.failure is None:
            self._submit(_Attempt(step, attempt.number + 1), remote)
        elif self.failure is None:
            self.failure = error

    def _attempt_error(self, step: StepSpec, report: WorkerReport) -> StepExecutionError | None:
        if report.error is not None:
            return StepExecutionError(step.name, report.error)
        if report.step_raised:
            latest = self._latest_attempt(step)
            recorded = latest.exception if latest is not None else None
            return StepExecutionError(step.name, recorded or "(the step raised)")
        return None

    def _worker_died(self, step: StepSpec, ref: Any, exc: Exception) -> StepExecutionError | None:
        """Fail the attempt a dead worker left running; None if it had recorded its end."""
        latest = self._latest_attempt(step)
        if latest is not None and latest.status.is_successful:
            return None  # it died after recording everything: nothing is lost
        reason = (
            f"The Ray worker running step '{step.name}' died before the step ended "
            f"(killed, or out of memory; Ray task {ref.task_id().hex()}): "
            f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc) else ''}"
        )
        if latest is not None and not latest.status.is_finished:
            end = StepRunEnd(status=ExecutionStatus.FAILED, exception=reason)
            finish_step_or_fall_back(self.store, latest.id, end)
        return StepExecutionError(step.name, reason)

    def _latest_attempt(self, step: StepSpec) -> StepRun | None:
        found = recorded_step_runs(self.store, self.run.id, [step.name])
        return found[0] if found else None

    def _record_where(self, step_run: StepRun, report: WorkerReport | None, ref: Any) -> None:
        where: dict[str, Any] = {"ray_task_id": ref.task_id().hex()}
        if report is not None:
            where.update(ray_node=report.node_address, ray_node_id=report.node_id)
            where["pid"] = report.pid
        self.store.add_metadata(MetadataTarget.STEP_RUN, step_run.id, encode_metadata(where))

    def _cancel_in_flight(self) -> None:
        for ref in self.in_flight:
            self.ray.cancel(ref, force=True)
        self.in_flight.clear()
