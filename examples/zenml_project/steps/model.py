from typing import Annotated

import pandas as pd
from sklearn.base import ClassifierMixin
from sklearn.linear_model import SGDClassifier

from headwater import ArtifactConfig, get_step_context, log_metadata, step
from headwater.client import Client
from headwater.logger import get_logger

logger = get_logger(__name__)


@step
def model_trainer(
    dataset_trn: pd.DataFrame, target: str = "target", alpha: float = 0.0001
) -> Annotated[ClassifierMixin, ArtifactConfig(name="sklearn_classifier", is_model_artifact=True)]:
    model = SGDClassifier(alpha=alpha, random_state=42)
    model.fit(dataset_trn.drop(columns=[target]), dataset_trn[target])
    return model


@step
def model_evaluator(
    model: ClassifierMixin,
    dataset_tst: pd.DataFrame,
    min_test_accuracy: float = 0.0,
    target: str = "target",
) -> float:
    accuracy = model.score(dataset_tst.drop(columns=[target]), dataset_tst[target])
    logger.info("Test accuracy=%.2f%%", accuracy * 100)
    log_metadata({"test_accuracy": float(accuracy)}, infer_model=True)
    if accuracy < min_test_accuracy:
        logger.warning("Test accuracy is below %.2f", min_test_accuracy)
    return float(accuracy)


@step
def model_promoter(accuracy: float, stage: str = "production") -> bool:
    is_promoted = False
    if accuracy < 0.8:
        logger.info("Model accuracy %.2f%% is below 80%%, not promoting.", accuracy * 100)
        return is_promoted
    current_model = get_step_context().model
    try:
        stage_model = Client().get_model_version(current_model.name, stage)
        prod_accuracy = stage_model.run_metadata["test_accuracy"]
        if float(accuracy) > float(prod_accuracy):
            is_promoted = True
    except KeyError:
        is_promoted = True
    if is_promoted:
        current_model.set_stage(stage, force=True)
        logger.info("Model version %s promoted to %s", current_model.version, stage)
    return is_promoted


@step
def inference_predict(
    model: ClassifierMixin, dataset_inf: pd.DataFrame
) -> Annotated[pd.Series, "predictions"]:
    return pd.Series(model.predict(dataset_inf), name="predicted")
