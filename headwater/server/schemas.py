"""Shapes the API speaks beyond the domain models: pages, request bodies, small answers.

Domain models (`headwater.store.models`) are used as they are wherever they fit; the
names here become the TypeScript types the dashboard is generated with.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from headwater.store.dag import RunDag
from headwater.store.models import (
    ArtifactVersion,
    ExecutionStatus,
    MetadataEntry,
    MetadataTarget,
    Page,
    Pipeline,
    PipelineRun,
    PipelineVersionSummary,
    RunReference,
    StepRun,
)
from headwater.store.pipeline_changes import StructureChanges

ItemT = TypeVar("ItemT")


class _Body(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PageOf(_Body, Generic[ItemT]):
    """One page of a list; `index` counts from 1."""

    items: list[ItemT]
    total: int
    index: int
    size: int
    total_pages: int

    @classmethod
    def of(cls, page: Page[Any]) -> Any:
        """The API form of a store page."""
        return cls(
            items=list(page.items),
            total=page.total,
            index=page.index,
            size=page.size,
            total_pages=page.total_pages,
        )


class PipelinePage(PageOf[Pipeline]):
    """A page of pipelines."""


class PipelineVersionSummaryPage(PageOf[PipelineVersionSummary]):
    """A page of pipeline versions with their run counts and first and last runs."""


class PipelineVersionChanges(_Body):
    """A pipeline version as its pipeline's page shows it: its runs and what it changed."""

    id: uuid.UUID
    version: int
    spec_hash: str
    created: dt.datetime
    run_count: int
    first_run: RunReference | None
    last_run: RunReference | None
    step_count: int
    edge_count: int
    # The version it is compared with (the one before); None for the first version.
    previous_version: int | None
    changes: StructureChanges | None


class PipelineVersionChangesPage(PageOf[PipelineVersionChanges]):
    """A page of a pipeline's versions, each with what it changed."""


class RunPage(PageOf[PipelineRun]):
    """A page of runs."""


class StepRunPage(PageOf[StepRun]):
    """A page of step runs."""


class ArtifactVersionPage(PageOf[ArtifactVersion]):
    """A page of artifact versions."""


class Health(_Body):
    """The server is up; `version` is Headwater's."""

    status: str
    version: str


class ServerInfo(_Body):
    """What a client needs to know to record into this server."""

    version: str
    # Where runs recorded through this server save their artifacts and logs.
    artifact_store_url: str
    # "local": no login over loopback; "server": every route but health and login needs one.
    auth_mode: str


class RunStatusUpdate(_Body):
    """A run's new status, with the error that ended it, if any."""

    status: ExecutionStatus
    exception: str | None = None


class ArtifactVersionLookup(_Body):
    """Artifact version ids to fetch in one request."""

    ids: list[uuid.UUID] = Field(max_length=100_000)


class ArtifactVersionMap(_Body):
    """Artifact versions keyed by id; ids that do not exist are absent."""

    items: dict[uuid.UUID, ArtifactVersion]


class MetadataAdd(_Body):
    """Typed metadata to attach to one run, step run, artifact or model version."""

    target: MetadataTarget
    target_id: uuid.UUID
    entries: list[MetadataEntry]


class PendingStep(_Body):
    """A step of the run's pipeline that has not started (yet, or ever)."""

    name: str
    upstream: list[str]


class RunDagResponse(RunDag):
    """The run DAG plus the steps of its pipeline that have no step run yet."""

    pending_steps: tuple[PendingStep, ...]


class StepLogLine(_Body):
    """One captured log line; `index` is its line number in the log file, from 0."""

    index: int
    time: dt.datetime
    stream: str
    message: str
    level: str | None = None
    logger: str | None = None


class LogSlice(_Body):
    """A window of a step's log: the lines found and where to continue reading."""

    lines: list[StepLogLine]
    # Ask for `offset=next_offset` to continue (or to poll a running step's new lines).
    next_offset: int
    # False once the end of the log was reached.
    has_more: bool


class CacheComponentChange(_Body):
    """One cache key component that differs from the baseline step run."""

    name: str
    before: str | None
    after: str | None


class StepCacheExplanation(_Body):
    """Why a step run was cached or executed, against the nearest earlier run."""

    step_name: str
    status: ExecutionStatus
    reasons: list[str]
    changes: list[CacheComponentChange]
    baseline_step_run_id: uuid.UUID | None


class ArtifactConsumer(_Body):
    """A step run that read an artifact version as an input, with the run it belongs to."""

    step_run_id: uuid.UUID
    step_name: str
    status: ExecutionStatus
    created: dt.datetime
    # The step's input (or inputs) the artifact version was given to.
    input_names: list[str]
    run_id: uuid.UUID
    run_name: str
    pipeline_name: str


class ArtifactConsumerPage(PageOf[ArtifactConsumer]):
    """A page of the step runs that read an artifact version."""


class ArtifactFile(_Body):
    """One file of an artifact version's folder, relative to the folder."""

    path: str
    size_bytes: int
