"""Small builders for what the runner hands the store, with defaults a test can override."""

from __future__ import annotations

import uuid
from typing import Any

from headwater.store.base import Store
from headwater.store.metadata import encode_metadata
from headwater.store.models import (
    ArtifactType,
    ArtifactVersionCreate,
    ExecutionStatus,
    PipelineRun,
    ResourceUsage,
    RunCreate,
    StepRun,
    StepRunCreate,
    StepRunEnd,
    Visualization,
    VisualizationType,
)


def a_run(
    pipeline_name: str = "training",
    *,
    name: str | None = None,
    spec_hash: str = "spec-1",
    tags: tuple[str, ...] = (),
    user_name: str = "default",
    orchestrator: str = "local",
) -> RunCreate:
    """A run of `pipeline_name` with a one-step spec."""
    return RunCreate(
        pipeline_name=pipeline_name,
        spec_hash=spec_hash,
        spec={"steps": [{"name": "train"}], "hash": spec_hash},
        name=name,
        tags=tags,
        user_name=user_name,
        config={"spec": {"name": pipeline_name}},
        orchestrator=orchestrator,
    )


def a_step(
    run: PipelineRun,
    name: str = "train",
    *,
    cache_key: str | None = None,
    inputs: dict[str, uuid.UUID] | None = None,
    cached_from: StepRun | None = None,
) -> StepRunCreate:
    """A step of `run` that starts running, or is cached from `cached_from`."""
    return StepRunCreate(
        run_id=run.id,
        name=name,
        status=ExecutionStatus.RUNNING if cached_from is None else ExecutionStatus.CACHED,
        cache_key=cache_key or f"key-{name}-{uuid.uuid4().hex[:8]}",
        cache_components={"source": "abc", "parameters": "def"},
        parameters={"gamma": 0.001},
        source_code=f"def {name}():\n    return 1\n",
        inputs=inputs or {},
        log_uri=f"/logs/{run.id}/{name}.log",
        original_step_run_id=None if cached_from is None else cached_from.id,
    )


def an_output(
    output_name: str = "output",
    *,
    artifact_name: str | None = None,
    metadata: dict[str, Any] | None = None,
    tags: tuple[str, ...] = (),
    content_hash: str = "hash-1",
    model_version_id: uuid.UUID | None = None,
    artifact_type: ArtifactType = ArtifactType.DATA,
) -> ArtifactVersionCreate:
    """A saved output; the artifact is named after the output unless told otherwise."""
    return ArtifactVersionCreate(
        output_name=output_name,
        artifact_name=artifact_name or output_name,
        uri=f"/artifacts/{uuid.uuid4().hex}",
        content_hash=content_hash,
        data_type="builtins.int",
        materializer="headwater.artifacts.materializers.builtin.BuiltInMaterializer",
        size_bytes=42,
        visualizations=(
            Visualization(type=VisualizationType.MARKDOWN, uri="/vis/1.md", name="summary"),
        ),
        metadata=tuple(encode_metadata(metadata or {})),
        tags=tags,
        model_version_id=model_version_id,
        artifact_type=artifact_type,
    )


def completed(
    *outputs: ArtifactVersionCreate, metadata: dict[str, Any] | None = None
) -> StepRunEnd:
    """A successful end with outputs, metadata and resource use."""
    return StepRunEnd(
        status=ExecutionStatus.COMPLETED,
        outputs=outputs,
        metadata=tuple(encode_metadata(metadata or {})),
        resources=ResourceUsage(cpu_seconds=1.5, peak_memory_bytes=2048),
    )


def end_run(
    store: Store, run: PipelineRun, status: ExecutionStatus = ExecutionStatus.COMPLETED
) -> PipelineRun:
    """Finish a run (only a finished run may be deleted), returning it."""
    return store.update_run_status(run.id, status)


def record_step(
    store: Store,
    run: PipelineRun,
    name: str = "train",
    *outputs: ArtifactVersionCreate,
    cache_key: str | None = None,
    inputs: dict[str, uuid.UUID] | None = None,
) -> StepRun:
    """Start and complete a step in one go, returning the finished step run."""
    started = store.start_step(a_step(run, name, cache_key=cache_key, inputs=inputs))
    return store.finish_step(started.id, completed(*outputs))
