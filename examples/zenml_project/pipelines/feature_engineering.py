from steps.data import data_loader, data_splitter

from headwater import pipeline


@pipeline
def feature_engineering(test_size: float = 0.2, random_state: int = 17):
    raw_data = data_loader(random_state=random_state)
    dataset_trn, dataset_tst = data_splitter(dataset=raw_data, test_size=test_size)
    return dataset_trn, dataset_tst
