"""Domain models: the values every layer exchanges through the `Store` protocol.

They are frozen Pydantic models. `*Create` models are what a writer hands the store;
the others are what the store hands back, with ids, version numbers and times filled in.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from headwater.store.value_types import Count64, FiniteFloat, Name, Text

# A run whose process missed this many heartbeats in a row is taken for dead.
STALE_AFTER_BEATS = 6


class ExecutionStatus(StrEnum):
    """Where a run or step run is in its life."""

    INITIALIZING = "initializing"
    RUNNING = "running"
    COMPLETED = "completed"
    CACHED = "cached"
    FAILED = "failed"
    STOPPED = "stopped"

    @property
    def is_finished(self) -> bool:
        """True once the status can no longer change."""
        return self not in (ExecutionStatus.INITIALIZING, ExecutionStatus.RUNNING)

    @property
    def is_successful(self) -> bool:
        """True for the two statuses whose outputs downstream steps may use."""
        return self in (ExecutionStatus.COMPLETED, ExecutionStatus.CACHED)


class MetadataType(StrEnum):
    """The type a metadata value keeps on its way through the store."""

    INT = "int"
    FLOAT = "float"
    STRING = "str"
    BOOL = "bool"
    DICT = "dict"
    LIST = "list"
    DATETIME = "datetime"
    URI = "uri"
    PATH = "path"
    STORAGE_SIZE = "storage_size"


class MetadataTarget(StrEnum):
    """What a metadata entry is attached to."""

    RUN = "run"
    STEP_RUN = "step_run"
    ARTIFACT_VERSION = "artifact_version"
    MODEL_VERSION = "model_version"


class ArtifactType(StrEnum):
    """What an artifact version is to the model version it is linked to."""

    DATA = "data"
    MODEL = "model"
    DEPLOYMENT = "deployment"


class VisualizationType(StrEnum):
    """How the dashboard should render a visualization file."""

    HTML = "html"
    MARKDOWN = "markdown"
    IMAGE = "image"
    CSV = "csv"
    JSON = "json"
    # Chart data (JSON) for the dashboard to draw: an array's line or heatmap, or a
    # declarative `headwater.artifacts.chart_spec.Chart`.
    CHART = "chart"
    # A `headwater.artifacts.table_spec.Table` (JSON): typed columns, rows, cell statuses.
    TABLE = "table"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def utc_now() -> dt.datetime:
    """The current time, timezone-aware in UTC: the only clock the store uses."""
    return dt.datetime.now(dt.UTC)


# --- metadata -------------------------------------------------------------------------


class MetadataEntry(_Frozen):
    """One typed key/value pair attached to a run, step run, artifact or model version."""

    key: Name
    type: MetadataType
    # User values pass through here, so the payload stays loosely typed.
    value: Any


# --- projects and users ---------------------------------------------------------------


class Project(_Frozen):
    """A logical subdivision: every pipeline, run and artifact belongs to one."""

    id: uuid.UUID
    name: str
    created: dt.datetime


class User(_Frozen):
    """Someone (or a service account) who runs pipelines."""

    id: uuid.UUID
    name: str
    created: dt.datetime


# --- pipelines and runs ---------------------------------------------------------------


class Pipeline(_Frozen):
    """A named pipeline; its structure over time lives in its versions."""

    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    created: dt.datetime


class PipelineVersion(_Frozen):
    """One distinct structure of a pipeline, identified by the hash of its compiled spec."""

    id: uuid.UUID
    pipeline_id: uuid.UUID
    version: int
    spec_hash: str
    spec: dict[str, Any]
    created: dt.datetime


class RunReference(_Frozen):
    """Enough of a run to name it and link to it."""

    id: uuid.UUID
    name: str
    status: ExecutionStatus
    created: dt.datetime


class PipelineVersionSummary(_Frozen):
    """A pipeline version with how many runs used it, and its first and last run."""

    version: PipelineVersion
    run_count: int
    first_run: RunReference | None
    last_run: RunReference | None


class RunCreate(_Frozen):
    """What the runner knows about a run before it starts."""

    pipeline_name: Name
    spec_hash: Name
    spec: dict[str, Any]
    name: Name | None = None
    project_name: Name = "default"
    user_name: Name = "default"
    tags: tuple[Name, ...] = ()
    config: dict[str, Any] = Field(default_factory=dict)
    orchestrator: Name = "local"
    # The stack the run executes on; the store copies its components' settings.
    stack_id: uuid.UUID | None = None
    # How often the run's process beats. The store stops the run once it has missed
    # STALE_AFTER_BEATS beats; None leaves it to the sweeper's default.
    heartbeat_seconds: float | None = Field(default=None, gt=0, le=86_400)


class PipelineRun(_Frozen):
    """One execution of a pipeline."""

    id: uuid.UUID
    name: str
    project_id: uuid.UUID
    pipeline_id: uuid.UUID
    pipeline_name: str
    pipeline_version_id: uuid.UUID
    user_id: uuid.UUID
    status: ExecutionStatus
    created: dt.datetime
    started: dt.datetime | None
    ended: dt.datetime | None
    heartbeat: dt.datetime | None
    tags: tuple[str, ...]
    config: dict[str, Any]
    orchestrator: str
    exception: str | None
    metadata: dict[str, MetadataEntry]


# --- step runs ------------------------------------------------------------------------


class StepRunCreate(_Frozen):
    """What the runner records when a step starts (or is found in the cache)."""

    run_id: uuid.UUID
    name: Name
    status: ExecutionStatus
    cache_key: Name
    cache_components: dict[str, str]
    parameters: dict[str, Any]
    source_code: Text
    inputs: dict[str, uuid.UUID]
    log_uri: Text | None = None
    # A cached step run names the step run whose outputs it reuses.
    original_step_run_id: uuid.UUID | None = None


class ResourceUsage(_Frozen):
    """CPU and memory a step used while it ran."""

    cpu_seconds: FiniteFloat
    peak_memory_bytes: Count64


class Visualization(_Frozen):
    """A rendered view of an artifact version, stored beside its bytes."""

    type: VisualizationType
    uri: Text
    name: Text


class ArtifactVersionCreate(_Frozen):
    """A saved output, handed to the store once its bytes are safely in place."""

    output_name: Name
    artifact_name: Name
    uri: Text
    content_hash: Name
    data_type: Text
    materializer: Text
    size_bytes: Count64
    visualizations: tuple[Visualization, ...] = ()
    metadata: tuple[MetadataEntry, ...] = ()
    tags: tuple[Name, ...] = ()
    # The model version of the step's `Model`, which the new version is linked to.
    model_version_id: uuid.UUID | None = None
    artifact_type: ArtifactType = ArtifactType.DATA


class StepRunEnd(_Frozen):
    """Everything recorded when a step finishes, written in one transaction."""

    status: ExecutionStatus
    outputs: tuple[ArtifactVersionCreate, ...] = ()
    metadata: tuple[MetadataEntry, ...] = ()
    resources: ResourceUsage | None = None
    exception: str | None = None


class CachedOutput(_Frozen):
    """An output of a cache hit's original step run: what loading or passing it on needs."""

    artifact_version_id: uuid.UUID
    uri: str
    content_hash: str
    materializer: str
    data_type: str


class CacheHit(_Frozen):
    """The newest completed step run with a cache key, and its outputs by name."""

    original_step_run_id: uuid.UUID
    outputs: dict[str, CachedOutput]


class StepRun(_Frozen):
    """One execution (or cache hit) of a step within a run."""

    id: uuid.UUID
    run_id: uuid.UUID
    name: str
    status: ExecutionStatus
    created: dt.datetime
    started: dt.datetime | None
    ended: dt.datetime | None
    cache_key: str
    cache_components: dict[str, str]
    parameters: dict[str, Any]
    source_code: str
    original_step_run_id: uuid.UUID | None
    log_uri: str | None
    cpu_seconds: float | None
    peak_memory_bytes: int | None
    exception: str | None
    # Input and output names mapped to artifact version ids.
    inputs: dict[str, uuid.UUID]
    outputs: dict[str, uuid.UUID]
    metadata: dict[str, MetadataEntry]

    @property
    def duration_seconds(self) -> float | None:
        """Wall time from start to end, when both are known."""
        if self.started is None or self.ended is None:
            return None
        return (self.ended - self.started).total_seconds()


# --- artifacts ------------------------------------------------------------------------


class ArtifactLatestVersion(_Frozen):
    """An artifact's newest version in brief, with the step run and run that made it."""

    id: uuid.UUID
    version: int
    data_type: str
    size_bytes: int
    created: dt.datetime
    # None once the producing step run (or its run) was deleted.
    producer_step_run_id: uuid.UUID | None
    producer_step_name: str | None
    producer_run_id: uuid.UUID | None
    producer_run_name: str | None


class Artifact(_Frozen):
    """A named artifact; each save under that name is a new version."""

    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    created: dt.datetime
    tags: tuple[str, ...]
    # How many versions exist now (pruning removes some), and the newest of them, so a
    # catalog of artifacts needs no request per artifact.
    version_count: int = 0
    latest_version: ArtifactLatestVersion | None = None


class ArtifactVersion(_Frozen):
    """One saved value: where its bytes are, what they hash to, and who made them."""

    id: uuid.UUID
    artifact_id: uuid.UUID
    artifact_name: str
    version: int
    uri: str
    content_hash: str
    data_type: str
    materializer: str
    size_bytes: int
    visualizations: tuple[Visualization, ...]
    metadata: dict[str, MetadataEntry]
    tags: tuple[str, ...]
    producer_step_run_id: uuid.UUID | None
    created: dt.datetime


# --- listing --------------------------------------------------------------------------

ItemT = TypeVar("ItemT")


class Page(_Frozen, Generic[ItemT]):
    """One page of a list: `index` counts from 1."""

    items: tuple[ItemT, ...]
    index: int
    size: int
    total: int

    @property
    def total_pages(self) -> int:
        """How many pages of this size the whole list fills (at least 1)."""
        return max(1, -(-self.total // self.size))

    def __len__(self) -> int:
        return len(self.items)
