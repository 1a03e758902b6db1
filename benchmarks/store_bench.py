"""The metadata store's share of a step's overhead, on the embedded SQLite store.

What the runner asks of the store per step: one `find_cached_step_run`, one
`start_step` and one `finish_step` with one output. Run it with

    .venv/bin/python -m benchmarks.store_bench
"""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from headwater.store.base import Store
from headwater.store.factory import open_store
from headwater.store.metadata import encode_metadata
from headwater.store.models import (
    ArtifactVersionCreate,
    ExecutionStatus,
    PipelineRun,
    ResourceUsage,
    RunCreate,
    StepRunCreate,
    StepRunEnd,
)

STEPS = 2_000
REPEATS = 5


def _output(index: int, *, with_metadata: bool) -> ArtifactVersionCreate:
    return ArtifactVersionCreate(
        output_name="output",
        artifact_name="value",
        uri=f"/artifacts/{index}",
        content_hash=f"{index:064x}",
        data_type="builtins.int",
        materializer="headwater.artifacts.materializers.builtin.BuiltInMaterializer",
        size_bytes=8,
        metadata=tuple(encode_metadata({"rows": index})) if with_metadata else (),
    )


def _step(run: PipelineRun, index: int, input_id: uuid.UUID | None) -> StepRunCreate:
    return StepRunCreate(
        run_id=run.id,
        name=f"step_{index}",
        status=ExecutionStatus.RUNNING,
        cache_key=f"key-{run.id}-{index}",
        cache_components={"source": "abc", "parameters": "def"},
        parameters={"gamma": 0.001},
        source_code="def step(value):\n    return value + 1\n",
        inputs={} if input_id is None else {"value": input_id},
    )


def _one_step(
    store: Store, run: PipelineRun, index: int, previous: uuid.UUID | None, *, with_metadata: bool
) -> uuid.UUID:
    step = _step(run, index, previous)
    store.find_cached_step_run(step.cache_key)
    started = store.start_step(step)
    finished = store.finish_step(
        started.id,
        StepRunEnd(
            status=ExecutionStatus.COMPLETED,
            outputs=(_output(index, with_metadata=with_metadata),),
            metadata=tuple(encode_metadata({"loss": 0.5})) if with_metadata else (),
            resources=ResourceUsage(cpu_seconds=0.01, peak_memory_bytes=1 << 20),
        ),
    )
    return finished.outputs["output"]


def measure(store: Store, *, with_metadata: bool) -> float:
    """Median milliseconds per step (find cached + start + finish) over REPEATS chains."""
    timings = []
    for _ in range(REPEATS):
        run = store.create_run(RunCreate(pipeline_name="bench", spec_hash="h", spec={}))
        previous: uuid.UUID | None = None
        began = time.perf_counter()
        for index in range(STEPS):
            previous = _one_step(store, run, index, previous, with_metadata=with_metadata)
        timings.append((time.perf_counter() - began) * 1000 / STEPS)
    return statistics.median(timings)


def in_fresh_store(action: Callable[[Store], float]) -> float:
    """Run `action` on a store in a new SQLite file, warmed up by one short chain."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            run = store.create_run(RunCreate(pipeline_name="warm", spec_hash="h", spec={}))
            for index in range(50):
                _one_step(store, run, index, None, with_metadata=True)
            return action(store)
        finally:
            store.close()


def main() -> None:
    table = Table(title=f"Store per-step cost, SQLite (median of {REPEATS} x {STEPS} steps)")
    table.add_column("case")
    table.add_column("ms per step", justify="right")
    for label, with_metadata in (("1 output", False), ("1 output + metadata", True)):
        figure = in_fresh_store(lambda s, m=with_metadata: measure(s, with_metadata=m))
        table.add_row(f"find_cached + start + finish, {label}", f"{figure:.3f}")
    Console().print(table)


if __name__ == "__main__":
    main()
