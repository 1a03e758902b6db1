from uuid import UUID

from steps.model import model_evaluator, model_promoter, model_trainer

from headwater import pipeline
from headwater.client import Client
from headwater.logger import get_logger
from pipelines.feature_engineering import feature_engineering

logger = get_logger(__name__)


@pipeline
def training(
    train_dataset_id: UUID | None = None,
    test_dataset_id: UUID | None = None,
    target: str = "target",
    alpha: float = 0.0001,
):
    if train_dataset_id is None or test_dataset_id is None:
        dataset_trn, dataset_tst = feature_engineering()
    else:
        client = Client()
        dataset_trn = client.get_artifact_version(name_id_or_prefix=train_dataset_id)
        dataset_tst = client.get_artifact_version(name_id_or_prefix=test_dataset_id)
    model = model_trainer(dataset_trn=dataset_trn, target=target, alpha=alpha)
    acc = model_evaluator(model=model, dataset_tst=dataset_tst, target=target)
    model_promoter(accuracy=acc)
