"""`ArtifactConfig` takes ZenML's fields: `is_model_artifact`, `is_deployment_artifact`,
`version` and `run_metadata`."""

from __future__ import annotations

from typing import Annotated

from headwater import ArtifactConfig, pipeline, step


@step
def train() -> tuple[
    Annotated[int, ArtifactConfig(name="clf", is_model_artifact=True, run_metadata={"k": 3})],
    Annotated[str, ArtifactConfig(name="endpoint", is_deployment_artifact=True)],
]:
    return 1, "http://serve"


def test_zenml_artifact_config_fields_mark_the_kind_and_attach_metadata():
    @pipeline
    def training() -> None:
        train()

    spec, _ = training.compile()
    kinds = {o.artifact_name: o.artifact_type for o in spec.steps[0].outputs}
    run = training()

    assert kinds == {"clf": "model", "endpoint": "deployment"}
    assert run.steps["train"].outputs["clf"].metadata["k"] == 3
