"""A model's life: training makes versions promoted by a rule, inference loads production.

`training(quality)` makes a new version of model 'iris', logs its accuracy and links a
model artifact; its rule promotes versions with accuracy >= 0.9 to staging.
`inference()` runs on whichever version is in production and reads its classifier.
"""

from __future__ import annotations

from typing import Annotated

from headwater import (
    ArtifactConfig,
    ArtifactType,
    Model,
    PromotionRule,
    get_step_context,
    log_metadata,
    pipeline,
    step,
)

TO_STAGING = PromotionRule(stage="staging", metadata_key="accuracy", operator=">=", threshold=0.9)
IRIS = Model(name="iris", description="flower classifier", promotion_rules=[TO_STAGING])


@step
def features() -> Annotated[list[float], ArtifactConfig(name="features")]:
    return [1.0, 2.0, 3.0]


@step
def train(
    features: list[float], quality: float = 0.95
) -> Annotated[
    dict[str, float], ArtifactConfig(name="classifier", artifact_type=ArtifactType.MODEL)
]:
    log_metadata({"accuracy": quality}, infer_model=True)
    return {"weight": sum(features) * quality}


@pipeline(model=IRIS)
def training(quality: float = 0.95) -> None:
    train(features(), quality=quality)


@step(enable_cache=False)
def predict() -> Annotated[float, ArtifactConfig(name="prediction")]:
    model = get_step_context().model
    classifier = model.get_artifact("classifier").load()
    return classifier["weight"] * 2


@pipeline(model=Model(name="iris", version="production"))
def inference() -> None:
    predict()
