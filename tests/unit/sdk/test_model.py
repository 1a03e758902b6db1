"""`Model` on pipelines and steps: compiled into every step's spec, round-tripped as JSON."""

from __future__ import annotations

from typing import Annotated

import pytest

from headwater import ArtifactConfig, ArtifactType, Model, PromotionRule, pipeline, step
from headwater.compiler.spec import PipelineSpec
from headwater.errors import DefinitionError

RULE = PromotionRule(stage="production", metadata_key="f1", operator=">", threshold=0.8)


@step
def make() -> Annotated[int, ArtifactConfig(name="clf", artifact_type=ArtifactType.MODEL)]:
    return 1


@step
def use(value: int) -> int:
    return value


def test_steps_take_the_pipeline_model_unless_they_have_their_own():
    @pipeline(model=Model(name="iris", tags=["cv"], promotion_rules=[RULE]))
    def training() -> None:
        use.with_options(model=Model(name="other"))(make())

    spec, _ = training.compile()

    assert spec.model is not None
    assert (spec.model.name, spec.model.tags) == ("iris", ("cv",))
    assert spec.model.promotion_rules == (RULE.model_dump(mode="json"),)
    assert spec.step("make").model == spec.model
    assert spec.step("use").model is not None
    assert spec.step("use").model.name == "other"


def test_an_output_carries_its_artifact_type():
    @pipeline
    def training() -> None:
        use(make())

    spec, _ = training.compile()

    assert spec.step("make").outputs[0].artifact_type == "model"
    assert spec.step("use").outputs[0].artifact_type == "data"


def test_a_spec_with_models_round_trips_through_json():
    @pipeline(model=Model(name="iris", version=3))
    def training() -> None:
        use(make())

    spec, _ = training.compile()

    again = PipelineSpec.from_dict(spec.to_dict())
    assert again.model == spec.model
    assert again.steps == spec.steps


def test_a_spec_recorded_before_models_still_reads():
    @pipeline
    def training() -> None:
        make()

    data = training.compile()[0].to_dict()
    del data["model"]
    for step_data in data["steps"]:
        del step_data["model"]
        step_data["outputs"] = [output[:5] for output in step_data["outputs"]]

    again = PipelineSpec.from_dict(data)

    assert again.model is None
    assert again.step("make").outputs[0].artifact_type == "data"


def test_two_versions_of_one_model_in_one_pipeline_are_refused():
    @pipeline(model=Model(name="iris"))
    def training() -> None:
        use.with_options(model=Model(name="iris", version="production"))(make())

    with pytest.raises(DefinitionError, match="asks for different versions of one model: 'iris'"):
        training.compile()


def test_an_unknown_artifact_type_is_refused_with_the_choices():
    with pytest.raises(DefinitionError, match="Use one of: data, model, deployment"):
        ArtifactConfig(name="clf", artifact_type="weights")
