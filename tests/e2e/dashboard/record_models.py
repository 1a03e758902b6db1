"""Record the model stories' history into HEADWATER_HOME (run as a module in a subprocess).

python -m tests.e2e.dashboard.record_models small       # 'iris': runs, a rule, a force
python -m tests.e2e.dashboard.record_models large N     # 'churn': N versions, no runs
"""

from __future__ import annotations

import contextlib
import sys

from headwater import Client
from headwater.errors import StageConflictError
from headwater.session import get_session
from headwater.store.metadata import encode_metadata
from headwater.store.model_registry import ModelVersionRequest, PromotionRule, StageChange
from headwater.store.models import MetadataTarget
from tests.pipelines.model_lifecycle import inference, training

FORCE_REASON = "v2 beats v1 on the holdout set"
CHURN_RULE = PromotionRule(stage="staging", metadata_key="auc", operator=">=", threshold=0.9)


def record_small() -> None:
    """'iris' v1..v3 from three runs: v1 put in production by hand, v2 moved to staging by
    the rule, v3 below the threshold, then v2 forced into production (v1 archived), a
    refused attempt of v3, and an inference run that uses production."""
    client = Client()
    training(quality=0.85)
    client.update_model_version("iris", 1, stage="production", reason="first release")
    training(quality=0.93)
    training(quality=0.88)
    client.update_model_version("iris", 2, stage="production", force=True, reason=FORCE_REASON)
    with contextlib.suppress(StageConflictError):
        client.update_model_version("iris", 3, stage="production", reason="try the newest")
    inference()


def record_large(count: int) -> None:
    """'churn' with `count` versions made by hand, each judged by its rule."""
    store = get_session().store
    for number in range(1, count + 1):
        request = ModelVersionRequest(
            model_name="churn", promotion_rules=(CHURN_RULE,) if number == 1 else None
        )
        version = store.resolve_model_version(request)
        auc = 0.8 + (number % 17) / 100
        metadata = encode_metadata({"auc": auc, "loss": round(1 - auc, 3), "rows": 1000 + number})
        store.add_metadata(MetadataTarget.MODEL_VERSION, version.id, metadata)
        store.apply_promotion_rules(version.id, run_id=None, user_name="rules")
        if number % 40 == 0:
            change = StageChange(stage="production", force=True, reason=f"release {number}")
            store.set_model_version_stage(version.id, change)


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["small"]:
            record_small()
        case ["large", count]:
            record_large(int(count))
        case _:
            raise SystemExit(f"usage: {sys.argv[0]} small | large N")
