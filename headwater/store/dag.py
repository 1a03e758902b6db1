"""The run DAG: a run's step runs, artifact versions and the edges between them.

Fetched in a constant number of queries (never one per step), so the dashboard can draw a
5,000-step run in one response.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from headwater.store.models import ExecutionStatus, PipelineRun

# The most step runs one DAG patch reads: bounded so its IN lists stay within every
# database's parameter limits.
MAX_PATCH_STEPS = 500


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EdgeKind(StrEnum):
    """Which way an edge runs: an artifact into a step, or a step out to an artifact."""

    INPUT = "input"
    OUTPUT = "output"


class DagStep(_Frozen):
    """A step run as the DAG shows it: status, timings and cache state, no payloads."""

    id: uuid.UUID
    name: str
    status: ExecutionStatus
    created: dt.datetime
    started: dt.datetime | None
    ended: dt.datetime | None
    cache_key: str
    # Set when the step was cached: the step run whose outputs it reused.
    original_step_run_id: uuid.UUID | None
    cpu_seconds: float | None
    peak_memory_bytes: int | None


class DagArtifact(_Frozen):
    """An artifact version consumed or produced by a step of the run."""

    id: uuid.UUID
    artifact_name: str
    version: int
    data_type: str
    size_bytes: int
    content_hash: str
    producer_step_run_id: uuid.UUID | None


class DagEdge(_Frozen):
    """One link: `input` goes artifact -> step, `output` goes step -> artifact."""

    kind: EdgeKind
    step_run_id: uuid.UUID
    artifact_version_id: uuid.UUID
    # The input or output name on the step's side.
    name: str


class RunDag(_Frozen):
    """Everything needed to draw a run: the run, its steps, artifacts and edges."""

    run: PipelineRun
    steps: tuple[DagStep, ...]
    artifacts: tuple[DagArtifact, ...]
    edges: tuple[DagEdge, ...]
