"""Rule dry-runs over 1,000 versions: `dry_run_promotion_rules` in process and over HTTP.

Seeds one model with `VERSIONS` versions, each made by its own run whose step logged
`accuracy` (and the version its own `loss`), on SQLite and on PostgreSQL when it is
reachable, then times trying two edited rules on every version. Run it alone with

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.rule_dry_run
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass

from benchmarks.model_stage_at import drop_database, postgres_database_url, served
from headwater.store.base import Store
from headwater.store.factory import open_store
from headwater.store.metadata import encode_metadata
from headwater.store.model_registry import ModelVersionRequest, PromotionRule
from headwater.store.models import (
    ExecutionStatus,
    MetadataTarget,
    RunCreate,
    StepRunCreate,
    StepRunEnd,
)

VERSIONS = 1_000
REPEATS = 20
RULES = (
    PromotionRule(stage="staging", metadata_key="accuracy", operator=">=", threshold=0.8),
    PromotionRule(stage="production", metadata_key="loss", operator="<", threshold=0.1),
)


@dataclass(frozen=True)
class DryRunFigure:
    """Median and p95 of one way of asking, in milliseconds."""

    case: str
    median_ms: float
    p95_ms: float


def seed(url: str) -> None:
    """`VERSIONS` runs, each with one step logging accuracy, each making one version."""
    store = open_store(url)
    try:
        for index in range(VERSIONS):
            run = store.create_run(RunCreate(pipeline_name="train", spec_hash="h", spec={}))
            step = store.start_step(
                StepRunCreate(
                    run_id=run.id,
                    name="evaluate",
                    status=ExecutionStatus.RUNNING,
                    cache_key=f"key-{index}",
                    cache_components={},
                    inputs={},
                    parameters={},
                    source_code="def evaluate(): ...",
                )
            )
            accuracy = encode_metadata({"accuracy": (index % 100) / 100})
            end = StepRunEnd(status=ExecutionStatus.COMPLETED, metadata=tuple(accuracy))
            store.finish_step(step.id, end)
            version = store.resolve_model_version(
                ModelVersionRequest(model_name="iris"), run_id=run.id
            )
            loss = encode_metadata({"loss": (index % 30) / 100})
            store.add_metadata(MetadataTarget.MODEL_VERSION, version.id, loss)
    finally:
        store.close()


def time_dry_runs(store: Store) -> tuple[float, float]:
    """Median and p95 milliseconds of trying `RULES` on every version."""
    model_id = store.get_model("iris").id
    judged = store.dry_run_promotion_rules(model_id, RULES)  # warm-up
    assert len(judged.versions) == VERSIONS
    times = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        store.dry_run_promotion_rules(model_id, RULES)
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def _measure(case: str, url: str) -> list[DryRunFigure]:
    seed(url)
    store = open_store(url)
    try:
        figures = [DryRunFigure(f"{case}, in process", *time_dry_runs(store))]
    finally:
        store.close()
    with served(url) as rest:
        figures.append(DryRunFigure(f"{case}, over HTTP", *time_dry_runs(rest)))
    return figures


def run_all() -> list[DryRunFigure]:
    """The figures on SQLite, then PostgreSQL when it is reachable."""
    with tempfile.TemporaryDirectory() as folder:
        figures = _measure("SQLite", f"sqlite:///{folder}/store.db")
    postgres = postgres_database_url()
    if postgres is not None:
        try:
            figures += _measure("PostgreSQL", postgres)
        finally:
            drop_database(postgres)
    return figures


if __name__ == "__main__":
    print(f"dry_run_promotion_rules, {len(RULES)} rules x {VERSIONS:,} versions")
    for figure in run_all():
        print(f"{figure.case:28} median {figure.median_ms:7.2f} ms   p95 {figure.p95_ms:7.2f} ms")
