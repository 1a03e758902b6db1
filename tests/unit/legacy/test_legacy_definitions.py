"""0.x step and pipeline definitions: translation to modern steps, warnings and errors."""

from __future__ import annotations

from typing import Annotated, Any

import pytest

from headwater.compiler.signature import read_signature
from headwater.errors import DefinitionError
from headwater.legacy.deprecation import LegacyApiWarning, forget_legacy_warnings


@pytest.fixture(autouse=True)
def fresh_warnings():
    """Every test sees each legacy entry point warn again."""
    forget_legacy_warnings()


def define_constant_step(name: str) -> Any:
    """A 0.x step class returning 1."""
    from headwater.steps import step

    def constant() -> int:
        return 1

    constant.__name__ = constant.__qualname__ = name
    return step(constant)


def define_split_step() -> Any:
    """A 0.x step class with two named outputs."""
    from headwater.steps import Output, step

    @step
    def split() -> Output(train=list, test=list):
        return [1], [2]

    return split


def define_trainer() -> tuple[Any, Any]:
    """A config class with a default and a 0.x step that takes it."""
    from headwater.steps import BaseStepConfig, step

    class TrainerConfig(BaseStepConfig):
        gamma: float = 0.001

    @step
    def trainer(config: TrainerConfig, data: list) -> float:
        return config.gamma * len(data)

    return TrainerConfig, trainer


def define_step_needing_config() -> Any:
    """A 0.x step whose config (a BaseParameters) has a field without a default."""
    from headwater.steps import BaseParameters, step

    class Required(BaseParameters):
        rate: float

    @step
    def needs(config: Required) -> float:
        return config.rate

    return needs


def define_one_step_pipeline() -> tuple[Any, Any]:
    """A 0.x step class and a 0.x pipeline taking one step."""
    from headwater.pipelines import pipeline
    from headwater.steps import step

    @step
    def loader() -> int:
        return 1

    @pipeline
    def one_step(step_1):
        step_1()

    return loader, one_step


def test_step_decorator_warns_once_naming_the_modern_step():
    with pytest.warns(LegacyApiWarning, match="Use `from headwater import step` instead"):
        define_constant_step("first")

    second = define_constant_step("second")  # no warning: the error filter would raise

    assert second().step_name == "second"


def test_output_becomes_named_annotated_outputs():
    with pytest.warns(LegacyApiWarning) as record:
        split = define_split_step()

    outputs = read_signature(split.definition.step.entrypoint).outputs

    assert any("'Output(...)'" in str(w.message) for w in record)
    assert [(o.name, o.annotation) for o in outputs] == [("train", list), ("test", list)]


def test_a_single_output_is_one_annotated_type():
    from headwater.steps import Output

    with pytest.warns(LegacyApiWarning):
        output = Output(a=int)

    assert output.as_annotation() == Annotated[int, "a"]


def test_step_instance_gets_its_config_defaults_or_the_given_config():
    with pytest.warns(LegacyApiWarning) as record:
        TrainerConfig, trainer = define_trainer()

    assert any("'BaseStepConfig'" in str(w.message) for w in record)
    assert trainer().config == TrainerConfig()
    assert trainer(TrainerConfig(gamma=0.5)).config.gamma == 0.5
    assert trainer(config=TrainerConfig(gamma=2.0))([1, 2]) == 4.0


def test_config_without_defaults_must_be_given():
    with pytest.warns(LegacyApiWarning):
        needs = define_step_needing_config()

    with pytest.raises(DefinitionError, match=r"needs a 'Required' config.*needs\(Required"):
        needs()


def test_pipeline_given_a_step_class_asks_for_an_instance():
    with pytest.warns(LegacyApiWarning) as record:
        loader, one_step = define_one_step_pipeline()

    assert any("from headwater import pipeline" in str(w.message) for w in record)
    with pytest.raises(DefinitionError, match=r"Pass an instance instead: step_1=loader\(\)"):
        one_step(step_1=loader)
