from steps.data import data_loader
from steps.model import inference_predict

from headwater import get_pipeline_context, pipeline


@pipeline
def inference(random_state: int = 17):
    model = get_pipeline_context().model
    dataset_inf = data_loader(random_state=random_state, is_inference=True)
    inference_predict(model=model.get_artifact("sklearn_classifier"), dataset_inf=dataset_inf)
