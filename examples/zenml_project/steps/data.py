from typing import Annotated

import pandas as pd
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

from headwater import log_metadata, step
from headwater.logger import get_logger

logger = get_logger(__name__)


@step
def data_loader(
    random_state: int, is_inference: bool = False
) -> Annotated[pd.DataFrame, "dataset"]:
    dataset = load_breast_cancer(as_frame=True).frame
    inference_size = int(len(dataset) * 0.05)
    inference_subset = dataset.sample(inference_size, random_state=random_state)
    if is_inference:
        dataset = inference_subset.drop(columns=["target"])
    else:
        dataset = dataset.drop(inference_subset.index)
    logger.info("Dataset with %d records loaded!", len(dataset))
    return dataset.reset_index(drop=True)


@step
def data_splitter(
    dataset: pd.DataFrame, test_size: float = 0.2
) -> tuple[Annotated[pd.DataFrame, "raw_dataset_trn"], Annotated[pd.DataFrame, "raw_dataset_tst"]]:
    train, test = train_test_split(dataset, test_size=test_size, shuffle=True, random_state=42)
    log_metadata({"train_rows": len(train), "test_rows": len(test)})
    return train.reset_index(drop=True), test.reset_index(drop=True)
