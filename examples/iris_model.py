"""The demo's model: each `iris_training` run makes a version of 'iris' and logs its accuracy.

Its promotion rule moves a version to staging when its accuracy is at least 0.9.
"""

from __future__ import annotations

from typing import Annotated

from headwater import (
    ArtifactConfig,
    ArtifactType,
    Model,
    PromotionRule,
    log_metadata,
    pipeline,
    step,
)

TO_STAGING = PromotionRule(stage="staging", metadata_key="accuracy", operator=">=", threshold=0.9)
IRIS = Model(
    name="iris", description="flower classifier", tags=["demo"], promotion_rules=[TO_STAGING]
)


@step
def iris_features() -> Annotated[list[float], ArtifactConfig(name="iris_features")]:
    """The measurements the classifier learns from."""
    return [5.1, 3.5, 1.4, 0.2]


@step(enable_cache=False)
def fit(
    features: list[float], quality: float = 0.9
) -> Annotated[
    dict[str, float], ArtifactConfig(name="iris_classifier", artifact_type=ArtifactType.MODEL)
]:
    """Stand in for training: the accuracy is the `quality` asked for."""
    log_metadata({"accuracy": quality, "loss": round(1 - quality, 3)}, infer_model=True)
    return {"weight": sum(features) * quality}


@pipeline(model=IRIS, tags=["demo"])
def iris_training(quality: float = 0.9) -> None:
    """Make a new version of 'iris'."""
    fit(iris_features(), quality=quality)


def ask_for_production_approval() -> None:
    """Protect 'iris' in production with a policy of two approvals, then have 'ada' ask
    to put version 3 there and 'bo' approve: the request waits for one more approver."""
    from headwater import Client

    client = Client()
    client.set_approval_policy("iris", "production", 2)
    asked = client.request_stage_change(
        "iris",
        3,
        "production",
        force=True,
        reason="v3 is faster at the same recall",
        user_name="ada",
    )
    if asked.request is not None:
        client.approve_request(asked.request.id, "latency checked", user_name="bo")
