"""Feature engineering, training and inference on scikit-learn's breast-cancer data,
written as a ZenML user writes it; only `zenml` is renamed `headwater`."""

import os

from pipelines.feature_engineering import feature_engineering
from pipelines.inference import inference
from pipelines.training import training

from headwater.client import Client
from headwater.logger import get_logger

logger = get_logger(__name__)
CONFIGS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "configs")


def main() -> None:
    feature_engineering.with_options(
        config_path=os.path.join(CONFIGS, "feature_engineering.yaml")
    )()
    client = Client()
    train_dataset_id = client.get_artifact_version("raw_dataset_trn").id
    test_dataset_id = client.get_artifact_version("raw_dataset_tst").id
    training.with_options(config_path=os.path.join(CONFIGS, "training_sgd.yaml"))(
        train_dataset_id=train_dataset_id, test_dataset_id=test_dataset_id
    )
    training.with_options(config_path=os.path.join(CONFIGS, "training_sgd.yaml"))()
    run = inference.with_options(config_path=os.path.join(CONFIGS, "inference.yaml"))()
    predictions = run.steps["inference_predict"].outputs["predictions"].load()
    print(f"Predicted {len(predictions)} rows with the production model.")


if __name__ == "__main__":
    main()
