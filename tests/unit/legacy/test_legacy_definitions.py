"""0.x step and pipeline definitions: translation to modern steps, warnings and errors."""

from __future__ import annotations

from typing import Annotated

import pytest

from headwater.compiler.signature import read_signature
from headwater.errors import DefinitionError
from headwater.legacy.deprecation import LegacyApiWarning, forget_legacy_warnings


@pytest.fixture(autouse=True)
def fresh_warnings():
    """Every test sees each legacy entry point warn again."""
    forget_legacy_warnings()


def test_step_decorator_warns_once_naming_the_modern_step():
    from headwater.steps import step

    with pytest.warns(LegacyApiWarning, match="Use `from headwater import step` instead"):

        @step
        def first() -> int:
            return 1

    @step
    def second() -> int:  # no second warning: pytest's error filter would raise here
        return 2

    assert second().step_name == "second"


def test_output_becomes_named_annotated_outputs():
    with pytest.warns(LegacyApiWarning):
        from headwater.steps import Output, step

        @step
        def split() -> Output(train=list, test=list):
            return [1], [2]

    outputs = read_signature(split.definition.step.entrypoint).outputs

    assert [(o.name, o.annotation) for o in outputs] == [("train", list), ("test", list)]
    assert Output(a=int).as_annotation() == Annotated[int, "a"]


def test_step_instance_gets_its_config_defaults_or_the_given_config():
    with pytest.warns(LegacyApiWarning):
        from headwater.steps import BaseStepConfig, step

        class TrainerConfig(BaseStepConfig):
            gamma: float = 0.001

        @step
        def trainer(config: TrainerConfig, data: list) -> float:
            return config.gamma * len(data)

    assert trainer().config == TrainerConfig()
    assert trainer(TrainerConfig(gamma=0.5)).config.gamma == 0.5
    assert trainer(config=TrainerConfig(gamma=2.0))([1, 2]) == 4.0


def test_config_without_defaults_must_be_given():
    with pytest.warns(LegacyApiWarning):
        from headwater.steps import BaseParameters, step

        class Required(BaseParameters):
            rate: float

        @step
        def needs(config: Required) -> float:
            return config.rate

    with pytest.raises(DefinitionError, match=r"needs a 'Required' config.*needs\(Required"):
        needs()


def test_pipeline_given_a_step_class_asks_for_an_instance():
    with pytest.warns(LegacyApiWarning):
        from headwater.pipelines import pipeline
        from headwater.steps import step

        @step
        def loader() -> int:
            return 1

        @pipeline
        def one_step(step_1):
            step_1()

    with pytest.raises(DefinitionError, match=r"Pass an instance instead: step_1=loader\(\)"):
        one_step(step_1=loader)
