"""`log_metadata`'s other ZenML keyword arguments: `step_id`, `artifact_name` with
`artifact_version` outside a step, and `model_id`."""

from __future__ import annotations

from typing import Annotated

from headwater import Client, Model, log_metadata, pipeline, step


@step
def make() -> Annotated[int, "scores"]:
    return 1


def test_step_id_artifact_name_and_version_and_model_id_name_their_targets():
    @pipeline(model=Model(name="m"))
    def producing() -> None:
        make()

    run = producing()
    version = Client().get_model_version("m", "latest")

    log_metadata({"a": 1}, step_id=run.steps["make"].id)
    log_metadata({"b": 2}, artifact_name="scores", artifact_version="1")
    log_metadata({"c": 3}, model_id=version.model_id, model_version=version.number)

    assert run.refresh().steps["make"].metadata["a"] == 1
    assert Client().get_artifact_version("scores").metadata["b"] == 2
    assert version.refresh().metadata["c"] == 3
