"""Domain records of a two-step run (load -> train), built by hand for pure lineage tests."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from headwater.lineage.graph import RunLineage
from headwater.store.models import ArtifactVersion, ExecutionStatus, PipelineRun, StepRun

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

SPEC: dict[str, Any] = {
    "name": "training",
    "steps": [
        {
            "name": "load",
            "inputs": [],
            "outputs": [["X", "load.X", [], "numpy.ndarray", None]],
        },
        {
            "name": "train",
            "inputs": [["X", "load", "X"]],
            "outputs": [["output", "train.output", [], "builtins.float", None]],
        },
    ],
}


def make_run(status: ExecutionStatus) -> PipelineRun:
    """A run of the two-step spec in the given status."""
    return PipelineRun(
        id=uuid.uuid4(),
        name="training-7",
        project_id=uuid.uuid4(),
        pipeline_id=uuid.uuid4(),
        pipeline_name="training",
        pipeline_version_id=uuid.uuid4(),
        user_id=uuid.uuid4(),
        status=status,
        created=START,
        started=START,
        ended=None if not status.is_finished else START + dt.timedelta(seconds=3),
        heartbeat=None,
        tags=(),
        config={"spec": SPEC},
        orchestrator="local",
        exception=None,
        metadata={},
    )


def make_step_run(
    run: PipelineRun,
    name: str,
    status: ExecutionStatus,
    *,
    inputs: dict[str, uuid.UUID] | None = None,
    outputs: dict[str, uuid.UUID] | None = None,
    exception: str | None = None,
) -> StepRun:
    """A step run of `run`; finished ones took 1.5 s."""
    return StepRun(
        id=uuid.uuid4(),
        run_id=run.id,
        name=name,
        status=status,
        created=START,
        started=START,
        ended=START + dt.timedelta(seconds=1.5) if status.is_finished else None,
        cache_key="key-" + name,
        cache_components={},
        parameters={"gamma": 0.001} if name == "train" else {},
        source_code="",
        original_step_run_id=uuid.uuid4() if status is ExecutionStatus.CACHED else None,
        log_uri=None,
        cpu_seconds=None,
        peak_memory_bytes=None,
        exception=exception,
        inputs=inputs or {},
        outputs=outputs or {},
        metadata={},
    )


def make_artifact(name: str, producer: uuid.UUID | None) -> ArtifactVersion:
    """A saved numpy artifact version of 2 KiB."""
    return ArtifactVersion(
        id=uuid.uuid4(),
        artifact_id=uuid.uuid4(),
        artifact_name=name,
        version=1,
        uri=f"/artifacts/{name}",
        content_hash="abc",
        data_type="numpy.ndarray",
        materializer="headwater.NumpyMaterializer",
        size_bytes=2048,
        visualizations=(),
        metadata={},
        tags=(),
        producer_step_run_id=producer,
        created=START,
    )


def finished_lineage(load_status: ExecutionStatus) -> RunLineage:
    """A completed run whose load step has `load_status` and whose train step completed."""
    run = make_run(ExecutionStatus.COMPLETED)
    x_id, score_id = uuid.uuid4(), uuid.uuid4()
    load = make_step_run(run, "load", load_status, outputs={"X": x_id})
    train = make_step_run(
        run, "train", ExecutionStatus.COMPLETED, inputs={"X": x_id}, outputs={"output": score_id}
    )
    # A cached load reuses an artifact that an earlier run's step made.
    producer = load.original_step_run_id or load.id
    x = make_artifact("load.X", producer).model_copy(update={"id": x_id})
    score = make_artifact("train.output", train.id).model_copy(update={"id": score_id})
    producers = {producer: "load (run training-6)"} if producer != load.id else {}
    return RunLineage(run, [load, train], {x_id: x, score_id: score}, producers)
