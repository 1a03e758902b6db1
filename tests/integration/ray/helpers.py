"""Running a pipeline on the Ray orchestrator and reading back what it recorded."""

from __future__ import annotations

from typing import Any

from headwater.integrations.ray.orchestrator import RayOrchestrator
from headwater.integrations.ray.settings import RayOrchestratorSettings
from headwater.runner.pipeline_runner import RunTarget, run_pipeline
from headwater.session import get_session
from headwater.store.filters import ListQuery
from headwater.store.models import PipelineRun, StepRun


def run_on_ray(pipeline: Any, *args: Any, **kwargs: Any) -> PipelineRun:
    """Run `pipeline(*args, **kwargs)` on Ray (joined already) with this test's stores."""
    session = get_session()
    spec, _ = pipeline.compile(*args, **kwargs)
    orchestrator = RayOrchestrator(RayOrchestratorSettings())
    target = RunTarget(session.store, session.artifact_store, orchestrator=orchestrator)
    return run_pipeline(spec, target, functions={})


def step_runs(run_id: Any, name: str | None = None) -> list[StepRun]:
    """The run's step runs (oldest first), of one step when `name` is given."""
    filters = {"run_id": str(run_id)} | ({"name": name} if name else {})
    page = get_session().store.list_step_runs(
        ListQuery(filters=filters, sort_by="asc:created", size=1000)
    )
    return list(page.items)


def latest_run() -> PipelineRun:
    """The most recent run of this test's store."""
    return get_session().store.list_runs(ListQuery(size=1)).items[0]
