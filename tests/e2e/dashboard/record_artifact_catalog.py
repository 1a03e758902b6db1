"""Record the artifact catalog's runs into HEADWATER_HOME (run as a module in a subprocess).

python -m tests.e2e.dashboard.record_artifact_catalog story        # 3 versions, read later
python -m tests.e2e.dashboard.record_artifact_catalog many A V     # A artifacts, V versions
"""

from __future__ import annotations

import sys
from typing import Annotated

from headwater import log_metadata, pipeline, step
from headwater.session import get_session
from headwater.store.metadata import encode_metadata
from headwater.store.models import (
    ArtifactVersionCreate,
    ExecutionStatus,
    PipelineRun,
    RunCreate,
    StepRunCreate,
    StepRunEnd,
)


@step
def make_features(rows: int = 10) -> Annotated[list[int], "features"]:
    """The artifact the story follows: a new version per `rows`, with `row_count` on it."""
    log_metadata({"row_count": rows, "mean": rows / 2}, infer_artifact=True)
    return list(range(rows))


@step(enable_cache=False)
def summarize(features: list[int]) -> Annotated[int, "feature_total"]:
    return sum(features)


@pipeline(name="feature_sweep")
def feature_sweep(rows: int = 10) -> None:
    """Each new `rows` saves a new `features` version; a repeat reads the cached one."""
    summarize(make_features(rows=rows))


def record_story() -> None:
    """Versions 1 to 3 of `features` over three runs, then a fourth run that reads v3."""
    for rows in (10, 25, 40):
        feature_sweep(rows=rows)
    feature_sweep(rows=40)


def _record_run(name: str) -> PipelineRun:
    store = get_session().store
    spec = {"steps": [{"name": "save"}], "hash": "catalog"}
    run = store.create_run(
        RunCreate(pipeline_name="catalog", spec_hash="catalog", spec=spec, name=name)
    )
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    return run


def _an_output(name: str, number: int) -> ArtifactVersionCreate:
    return ArtifactVersionCreate(
        output_name=name,
        artifact_name=name,
        uri=f"memory://catalog/{name}/{number}",
        content_hash=f"{name}-{number}",
        data_type="pandas.core.frame.DataFrame" if number % 3 else "builtins.dict",
        materializer="headwater.artifacts.materializers.builtin.BuiltInMaterializer",
        size_bytes=1024 * (number + 1) ** 2,
        visualizations=(),
        metadata=tuple(encode_metadata({"rows": 100 + 7 * number, "loss": 1 / (number + 1)})),
        tags=("nightly",) if number % 5 == 0 else (),
    )


def record_many(artifacts: int, versions: int) -> None:
    """Many artifacts in one run, then one artifact saved again run after run (fast: no code)."""
    store = get_session().store
    run = _record_run("catalog-wide")
    for chunk in range(0, artifacts, 50):
        outputs = [
            _an_output(f"table_{n:03d}", n) for n in range(chunk, min(chunk + 50, artifacts))
        ]
        _save(run, f"save_{chunk}", outputs)
    store.update_run_status(run.id, ExecutionStatus.COMPLETED)
    for number in range(versions):
        run = _record_run(f"catalog-deep-{number + 1}")
        _save(run, "train", [_an_output("model_weights", number)])
        store.update_run_status(run.id, ExecutionStatus.COMPLETED)


def _save(run: PipelineRun, step_name: str, outputs: list[ArtifactVersionCreate]) -> None:
    store = get_session().store
    started = store.start_step(
        StepRunCreate(
            run_id=run.id,
            name=step_name,
            status=ExecutionStatus.RUNNING,
            cache_key=f"{run.id}-{step_name}",
            cache_components={},
            parameters={},
            source_code="",
            inputs={},
        )
    )
    store.finish_step(
        started.id, StepRunEnd(status=ExecutionStatus.COMPLETED, outputs=tuple(outputs))
    )


if __name__ == "__main__":
    if sys.argv[1] == "story":
        record_story()
    else:
        record_many(int(sys.argv[2]), int(sys.argv[3]))
