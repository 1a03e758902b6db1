"""Navigable views of stored entities: `run.steps["train"].outputs["model"].load()`.

Each response wraps a frozen domain model (`.model`) and loads related entities from the
store only when asked, in one query per hop.
"""

from __future__ import annotations

import datetime as dt
import sys
import uuid
from functools import cached_property
from typing import TYPE_CHECKING, Any

from headwater.errors import ArtifactError, EntityNotFoundError
from headwater.responses.visualization import ArtifactVisualization, display_inline
from headwater.store.filters import ListQuery
from headwater.store.metadata import decode_metadata
from headwater.store.models import (
    Artifact,
    ArtifactVersion,
    ExecutionStatus,
    Pipeline,
    PipelineRun,
    StepRun,
    Visualization,
)

if TYPE_CHECKING:
    from headwater.lineage.html import LineageHtml
    from headwater.runner.logs import LogLine
    from headwater.session import Session
    from headwater.store.stack_models import RunStack

# Large enough for any real pipeline's steps in one query.
_ALL = 10_000


class ArtifactVersionResponse:
    """One saved artifact version; `load()` brings its value back."""

    def __init__(self, model: ArtifactVersion, session: Session) -> None:
        self.model = model
        self._session = session

    @property
    def id(self) -> uuid.UUID:
        return self.model.id

    @property
    def artifact_version_id(self) -> uuid.UUID:
        """Marks this as an existing artifact version: passed to a step in a pipeline,
        it becomes the step's input."""
        return self.model.id

    @property
    def name(self) -> str:
        return self.model.artifact_name

    @property
    def version(self) -> int:
        return self.model.version

    @property
    def uri(self) -> str:
        return self.model.uri

    @property
    def content_hash(self) -> str:
        return self.model.content_hash

    @property
    def data_type(self) -> str:
        return self.model.data_type

    @property
    def materializer(self) -> str:
        return self.model.materializer

    @property
    def size_bytes(self) -> int:
        return self.model.size_bytes

    @property
    def tags(self) -> tuple[str, ...]:
        return self.model.tags

    @property
    def created(self) -> dt.datetime:
        return self.model.created

    @property
    def producer_step_run_id(self) -> uuid.UUID | None:
        return self.model.producer_step_run_id

    @property
    def visualizations(self) -> tuple[Visualization, ...]:
        """Rendered views stored beside the bytes."""
        return self.model.visualizations

    @property
    def metadata(self) -> dict[str, Any]:
        """Metadata with its types restored (sizes, URIs, datetimes, ...)."""
        return decode_metadata(self.model.metadata)

    @property
    def run_metadata(self) -> dict[str, Any]:
        """ZenML's name for `metadata`."""
        return self.metadata

    def load(self) -> Any:
        """Load the value with the materializer that saved it.

        Raises:
            ArtifactError: the bytes are gone (pruned) or cannot be read.
        """
        artifact_store = self._session.artifact_store_for(self.model.uri)
        if not artifact_store.exists(self.model.uri):
            raise ArtifactError(
                f"Artifact '{self.name}' version {self.version} has no bytes at "
                f"'{self.model.uri}' any more (pruned or deleted). Rerun the step that made it."
            )
        return artifact_store.load(self.model.uri, self.model.materializer, self.model.data_type)

    def visualize(self) -> list[ArtifactVisualization]:
        """Show the artifact's visualizations: inline in a Jupyter notebook, otherwise
        one line per visualization saying where its file is.

        Like IPython's `display`, this is a call made to show something, so outside a
        notebook it writes to standard output. Returns the visualizations shown; an
        array's chart data is left out, as its image shows the same.
        """
        all_views = [
            ArtifactVisualization(v, self._session.artifact_store_for(v.uri))
            for v in self.visualizations
        ]
        views = [view for view in all_views if not view.is_array_chart()]
        if display_inline(views):
            return views
        if not views:
            sys.stdout.write(
                f"Artifact '{self.name}' version {self.version} has no visualizations.\n"
            )
        for view in views:
            sys.stdout.write(f"{view.kind} visualization '{view.name}': {view.uri}\n")
        return views

    def __repr__(self) -> str:
        return f"<artifact '{self.name}' version {self.version} ({self.data_type})>"


class StepRunResponse:
    """One step run; `outputs` and `inputs` map names to artifact versions."""

    def __init__(self, model: StepRun, session: Session) -> None:
        self.model = model
        self._session = session

    @property
    def id(self) -> uuid.UUID:
        return self.model.id

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def run_id(self) -> uuid.UUID:
        return self.model.run_id

    @property
    def cache_key(self) -> str:
        return self.model.cache_key

    @property
    def parameters(self) -> dict[str, Any]:
        return self.model.parameters

    @property
    def source_code(self) -> str:
        return self.model.source_code

    @property
    def exception(self) -> str | None:
        return self.model.exception

    @property
    def original_step_run_id(self) -> uuid.UUID | None:
        return self.model.original_step_run_id

    @property
    def cpu_seconds(self) -> float | None:
        return self.model.cpu_seconds

    @property
    def peak_memory_bytes(self) -> int | None:
        return self.model.peak_memory_bytes

    @property
    def status(self) -> ExecutionStatus:
        """Where the step run is in its life."""
        return self.model.status

    @property
    def started(self) -> dt.datetime | None:
        """When the step started (or was found in the cache)."""
        return self.model.started

    @property
    def ended(self) -> dt.datetime | None:
        """When the step finished."""
        return self.model.ended

    @property
    def duration_seconds(self) -> float | None:
        """Wall time from start to end."""
        return self.model.duration_seconds

    @property
    def is_cached(self) -> bool:
        """True when the step reused an earlier run's outputs."""
        return self.model.status is ExecutionStatus.CACHED

    @property
    def cache_components(self) -> dict[str, str]:
        """The named parts its cache key hashes."""
        return self.model.cache_components

    @property
    def metadata(self) -> dict[str, Any]:
        """Metadata the step logged, with types restored."""
        return decode_metadata(self.model.metadata)

    @property
    def run_metadata(self) -> dict[str, Any]:
        """ZenML's name for `metadata`."""
        return self.metadata

    @cached_property
    def outputs(self) -> dict[str, ArtifactVersionResponse]:
        """Output name -> the artifact version it produced (or reused, when cached)."""
        return self._artifacts(self.model.outputs)

    @cached_property
    def inputs(self) -> dict[str, ArtifactVersionResponse]:
        """Input name -> the artifact version it consumed."""
        return self._artifacts(self.model.inputs)

    @property
    def output(self) -> ArtifactVersionResponse:
        """The only output of a single-output step.

        Raises:
            EntityNotFoundError: the step has no output or several.
        """
        if len(self.outputs) != 1:
            raise EntityNotFoundError(
                f"Step '{self.name}' has {len(self.outputs)} outputs "
                f"({', '.join(self.outputs) or 'none'}); pick one with .outputs['name']."
            )
        return next(iter(self.outputs.values()))

    def logs(self, *, stream: str | None = None, grep: str | None = None) -> list[LogLine]:
        """The step's captured stdout, stderr and logging lines, oldest first."""
        return self._session_logs(stream=stream, grep=grep)

    def _session_logs(self, *, stream: str | None, grep: str | None) -> list[LogLine]:
        from headwater.runner.logs import parse_log_lines  # the log capture is heavy

        uri = self.model.log_uri
        if uri is None:
            return []
        artifact_store = self._session.artifact_store_for(uri)
        if not artifact_store.exists(uri):
            return []  # the step printed nothing, so no log file was made (StepLog)
        data = artifact_store.read_bytes(uri)
        return [
            line
            for line in parse_log_lines(data)
            if (stream is None or line.stream == stream) and (grep is None or grep in line.message)
        ]

    def _artifacts(self, ids: dict[str, uuid.UUID]) -> dict[str, ArtifactVersionResponse]:
        versions = self._session.store.get_artifact_versions(list(ids.values()))
        return {
            name: ArtifactVersionResponse(versions[vid], self._session)
            for name, vid in ids.items()
            if vid in versions
        }

    def __repr__(self) -> str:
        return f"<step run '{self.name}' {self.status}>"


class PipelineRunResponse:
    """One pipeline run; `steps` maps step names to step runs in execution order."""

    def __init__(self, model: PipelineRun, session: Session) -> None:
        self.model = model
        self._session = session

    @property
    def id(self) -> uuid.UUID:
        return self.model.id

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def pipeline_name(self) -> str:
        return self.model.pipeline_name

    @property
    def created(self) -> dt.datetime:
        return self.model.created

    @property
    def started(self) -> dt.datetime | None:
        return self.model.started

    @property
    def ended(self) -> dt.datetime | None:
        return self.model.ended

    @property
    def tags(self) -> tuple[str, ...]:
        return self.model.tags

    @property
    def exception(self) -> str | None:
        return self.model.exception

    @property
    def config(self) -> dict[str, Any]:
        return self.model.config

    @property
    def status(self) -> ExecutionStatus:
        """Where the run is in its life."""
        return self.model.status

    @property
    def metadata(self) -> dict[str, Any]:
        """Run-level metadata, with types restored."""
        return decode_metadata(self.model.metadata)

    @property
    def run_metadata(self) -> dict[str, Any]:
        """ZenML's name for `metadata`."""
        return self.metadata

    @cached_property
    def steps(self) -> dict[str, StepRunResponse]:
        """Step name -> step run, in the order the steps started."""
        page = self._session.store.list_step_runs(
            ListQuery(filters={"run_id": str(self.model.id)}, sort_by="asc:created", size=_ALL)
        )
        return {s.name: StepRunResponse(s, self._session) for s in page.items}

    @cached_property
    def stack(self) -> RunStack | None:
        """The stack the run executed on, with its components' settings at the time."""
        return self._session.store.get_run_stack(self.model.id)

    def refresh(self) -> PipelineRunResponse:
        """The same run, read again from the store."""
        return PipelineRunResponse(self._session.store.get_run(self.model.id), self._session)

    def visualize(self) -> LineageHtml | None:
        """The run's lineage as a self-contained HTML page; shown inline in Jupyter.

        Returns:
            The page (`.save("run.html")` writes it), or None once shown in a notebook.
        """
        from headwater.lineage.html import LineageHtml, render_html
        from headwater.lineage.loading import load_lineage_graph
        from headwater.lineage.notebook import display_inline, in_notebook

        page = LineageHtml(render_html(load_lineage_graph(self._session.store, self.model.id)))
        if in_notebook():
            display_inline(page)
            return None
        return page

    def __repr__(self) -> str:
        return f"<run '{self.name}' {self.status}>"


class PipelineResponse:
    """A pipeline; `runs` lists its runs newest first and `last_run` is the newest."""

    def __init__(self, model: Pipeline, session: Session) -> None:
        self.model = model
        self._session = session

    @property
    def id(self) -> uuid.UUID:
        return self.model.id

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def created(self) -> dt.datetime:
        return self.model.created

    @property
    def runs(self) -> list[PipelineRunResponse]:
        """Every run of this pipeline, newest first."""
        page = self._session.store.list_runs(
            ListQuery(filters={"pipeline_name": self.model.name}, sort_by="desc:created", size=_ALL)
        )
        return [PipelineRunResponse(run, self._session) for run in page.items]

    @property
    def last_run(self) -> PipelineRunResponse:
        """The newest run of this pipeline.

        Raises:
            EntityNotFoundError: the pipeline has no runs (they were deleted).
        """
        page = self._session.store.list_runs(
            ListQuery(filters={"pipeline_name": self.model.name}, sort_by="desc:created", size=1)
        )
        if not page.items:
            raise EntityNotFoundError(
                f"Pipeline '{self.name}' has no runs. Run it first, e.g. `{self.name}()`."
            )
        return PipelineRunResponse(page.items[0], self._session)

    def __repr__(self) -> str:
        return f"<pipeline '{self.name}'>"


class ArtifactResponse:
    """An artifact: the series of versions saved under one name, newest last."""

    def __init__(self, model: Artifact, session: Session) -> None:
        self.model = model
        self._session = session

    @property
    def id(self) -> uuid.UUID:
        return self.model.id

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def created(self) -> dt.datetime:
        return self.model.created

    @property
    def tags(self) -> tuple[str, ...]:
        return self.model.tags

    @property
    def versions(self) -> list[ArtifactVersionResponse]:
        """Every version of this artifact, oldest first (version 1, 2, ...)."""
        page = self._session.store.list_artifact_versions(
            ListQuery(filters={"artifact_id": str(self.model.id)}, sort_by="asc:version", size=_ALL)
        )
        return [ArtifactVersionResponse(v, self._session) for v in page.items]

    @property
    def latest_version(self) -> ArtifactVersionResponse:
        """The highest-numbered version.

        Raises:
            EntityNotFoundError: every version was pruned.
        """
        page = self._session.store.list_artifact_versions(
            ListQuery(filters={"artifact_id": str(self.model.id)}, sort_by="desc:version", size=1)
        )
        if not page.items:
            raise EntityNotFoundError(
                f"Artifact '{self.name}' has no versions left (they were pruned). Rerun the "
                f"step that makes it."
            )
        return ArtifactVersionResponse(page.items[0], self._session)

    def __repr__(self) -> str:
        return f"<artifact '{self.name}'>"
