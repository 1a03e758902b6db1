"""0.x post-execution views: `get_pipeline(name).runs[-1].get_step("step_1").output.read()`.

Each view wraps a modern response (`.response`) and changes only what 0.x did
differently: runs oldest first, `steps` as a list, `get_step(name)`, `read()`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from headwater.client import Client
from headwater.errors import EntityNotFoundError
from headwater.legacy.deprecation import warn_legacy

if TYPE_CHECKING:
    from headwater.legacy.pipelines import BasePipeline
    from headwater.responses import (
        ArtifactVersionResponse,
        PipelineResponse,
        PipelineRunResponse,
        StepRunResponse,
    )
    from headwater.store.models import ExecutionStatus


class ArtifactView:
    """One artifact a step made or used; `read()` loads its value."""

    def __init__(self, response: ArtifactVersionResponse, *, is_cached: bool) -> None:
        self.response = response
        self.is_cached = is_cached

    @property
    def id(self) -> uuid.UUID:
        return self.response.id

    @property
    def name(self) -> str:
        return self.response.name

    @property
    def uri(self) -> str:
        return self.response.uri

    @property
    def data_type(self) -> str:
        return self.response.data_type

    @property
    def materializer(self) -> str:
        return self.response.materializer

    def read(self) -> Any:
        """Load the artifact's value (modern: `.load()`)."""
        warn_legacy("ArtifactView.read", "`artifact.load()`")
        return self.response.load()

    def __repr__(self) -> str:
        return f"<0.x artifact view '{self.name}'>"


class StepView:
    """One step of a run, named after the pipeline parameter it was passed as."""

    def __init__(self, response: StepRunResponse) -> None:
        self.response = response

    @property
    def id(self) -> uuid.UUID:
        return self.response.id

    @property
    def name(self) -> str:
        return self.response.name

    @property
    def parameters(self) -> dict[str, Any]:
        return self.response.parameters

    @property
    def status(self) -> ExecutionStatus:
        """Where the step is in its life: completed, cached, failed, ..."""
        return self.response.status

    @property
    def is_cached(self) -> bool:
        """True when the step reused an earlier run's outputs."""
        return self.response.is_cached

    @property
    def is_completed(self) -> bool:
        """True when the step ran to the end (or was cached)."""
        return self.response.status.is_successful

    @property
    def inputs(self) -> dict[str, ArtifactView]:
        """Input name -> the artifact the step used."""
        return {n: ArtifactView(a, is_cached=False) for n, a in self.response.inputs.items()}

    @property
    def outputs(self) -> dict[str, ArtifactView]:
        """Output name -> the artifact the step made (or reused)."""
        return {
            n: ArtifactView(a, is_cached=self.is_cached) for n, a in self.response.outputs.items()
        }

    @property
    def output(self) -> ArtifactView:
        """The only output of a single-output step.

        Raises:
            EntityNotFoundError: the step has no output or several.
        """
        return ArtifactView(self.response.output, is_cached=self.is_cached)

    def __repr__(self) -> str:
        return f"<0.x step view '{self.name}' {self.status}>"


class PipelineRunView:
    """One run; `get_step(name)` finds a step by its pipeline parameter name."""

    def __init__(self, response: PipelineRunResponse) -> None:
        self.response = response

    @property
    def id(self) -> uuid.UUID:
        return self.response.id

    @property
    def name(self) -> str:
        return self.response.name

    @property
    def pipeline_name(self) -> str:
        return self.response.pipeline_name

    @property
    def created(self) -> dt.datetime:
        return self.response.created

    @property
    def status(self) -> ExecutionStatus:
        """Where the run is in its life."""
        return self.response.refresh().status

    @property
    def steps(self) -> list[StepView]:
        """The run's steps in the order they started."""
        return [StepView(s) for s in self.response.refresh().steps.values()]

    def get_step(self, name: str) -> StepView:
        """The step passed to the pipeline as `name` (e.g. 'step_1').

        Raises:
            EntityNotFoundError: the run has no such step.
        """
        warn_legacy("PipelineRunView.get_step", "`run.steps[name]`")
        steps = self.response.refresh().steps
        if name not in steps:
            raise EntityNotFoundError(
                f"Run '{self.name}' has no step '{name}'. Its steps are "
                f"{', '.join(repr(s) for s in steps) or 'none'}."
            )
        return StepView(steps[name])

    def __repr__(self) -> str:
        return f"<0.x run view '{self.name}'>"


class PipelineView:
    """A pipeline; `runs` lists its runs oldest first, so `runs[-1]` is the latest."""

    def __init__(self, response: PipelineResponse) -> None:
        self.response = response

    @property
    def id(self) -> uuid.UUID:
        return self.response.id

    @property
    def name(self) -> str:
        return self.response.name

    @property
    def runs(self) -> list[PipelineRunView]:
        """Every run of this pipeline, oldest first."""
        return [PipelineRunView(r) for r in reversed(self.response.runs)]

    def __repr__(self) -> str:
        return f"<0.x pipeline view '{self.name}'>"


def get_pipeline(pipeline: str | BasePipeline | type[BasePipeline]) -> PipelineView:
    """The pipeline with this name (or of this 0.x pipeline class or instance).

    Raises:
        EntityNotFoundError: no pipeline has that name (it never ran).
    """
    warn_legacy("headwater.post_execution.get_pipeline", "`Client().get_pipeline(name)`")
    name = pipeline if isinstance(pipeline, str) else pipeline.definition.name
    return PipelineView(Client().get_pipeline(name))


def get_pipelines() -> list[PipelineView]:
    """Every pipeline, newest first."""
    warn_legacy("headwater.post_execution.get_pipelines", "`Client().list_pipelines()`")
    return [PipelineView(p) for p in Client().list_pipelines(size=1000).items]


def get_run(name: str | uuid.UUID) -> PipelineRunView:
    """The run with this name or id.

    Raises:
        EntityNotFoundError: no run has that name or id.
    """
    warn_legacy("headwater.post_execution.get_run", "`Client().get_pipeline_run(name)`")
    return PipelineRunView(Client().get_pipeline_run(name))
