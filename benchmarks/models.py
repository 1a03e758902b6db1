"""What the model control plane costs: a run with a `Model` (and a promotion rule) against
the same run without, and the store's version and stage calls, on embedded SQLite.

Run it alone with

    .venv/bin/python -m benchmarks.models
"""

from __future__ import annotations

import os
import statistics
import tempfile
from dataclasses import dataclass

from benchmarks.core import linear_pipeline, median_ms
from headwater import Model, PromotionRule
from headwater.session import close_sessions, get_session
from headwater.store.model_registry import ModelStage, ModelVersionRequest, StageChange

CALLS = 50
RUN_REPEATS = 15
RULE = PromotionRule(stage="staging", metadata_key="accuracy", operator=">=", threshold=0.9)


@dataclass(frozen=True)
class ModelFigure:
    """One case and its median time in milliseconds."""

    case: str
    ms: float


def run_all() -> list[ModelFigure]:
    """Every figure, each measured in a fresh Headwater home."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["HEADWATER_HOME"] = home
        try:
            return [*_runs(), *_store_calls()]
        finally:
            close_sessions()


def _runs() -> list[ModelFigure]:
    chain = linear_pipeline(3).with_options(enable_cache=False)
    with_model = chain.with_options(
        enable_cache=False, model=Model(name="bench", promotion_rules=[RULE])
    )
    chain()  # warm-up
    with_model()
    # Interleaved, so a busy moment of the machine hits both cases alike.
    plain, modelled = [], []
    for _ in range(RUN_REPEATS):
        plain.append(median_ms(chain, 1))
        modelled.append(median_ms(with_model, 1))
    return [
        ModelFigure("3-step run, no model", statistics.median(plain)),
        ModelFigure("3-step run, Model + rule", statistics.median(modelled)),
    ]


def _store_calls() -> list[ModelFigure]:
    store = get_session().store
    request = ModelVersionRequest(model_name="calls")
    versions = [store.resolve_model_version(request) for _ in range(2)]
    change = StageChange(stage=ModelStage.PRODUCTION, force=True)
    turn = iter(range(10**9))

    def promote() -> None:
        store.set_model_version_stage(versions[next(turn) % 2].id, change)

    return [
        ModelFigure(
            "resolve_model_version (new)",
            median_ms(lambda: store.resolve_model_version(request), CALLS),
        ),
        ModelFigure("forced promotion (demotes holder)", median_ms(promote, CALLS)),
        ModelFigure(
            "get_model_version('production')",
            median_ms(lambda: store.get_model_version("calls", "production"), CALLS),
        ),
    ]


if __name__ == "__main__":
    for figure in run_all():
        print(f"{figure.case:40} {figure.ms:8.2f} ms")
