from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel

from headwater.compiler.compile import PipelineOptions, compile_pipeline
from headwater.compiler.recording import recording
from headwater.compiler.spec import PipelineSpec
from headwater.errors import DefinitionError
from headwater.sdk.step import step


class Config(BaseModel):
    depth: int = 3


@step
def load(n: int = 10) -> tuple[Annotated[list[int], "X"], Annotated[list[int], "y"]]:
    return list(range(n)), list(range(n))


@step(enable_cache=False)
def train(X: list[int], y: list[int], gamma: float = 0.001) -> float:
    return gamma


@step(enable_cache=True)
def configure(config: Config) -> int:
    return config.depth


@step
def needs_features(features: list[int]) -> int:
    return len(features)


def _compile(body, **options) -> PipelineSpec:
    with recording() as recorder:
        body()
    return compile_pipeline(recorder, PipelineOptions(name="p", **options))


def test_edges_follow_the_outputs_passed_between_steps():
    def body():
        X, y = load()
        train(X, y, gamma=0.1)

    spec = _compile(body)

    train_spec = spec.step("train")
    assert [(i.name, i.step, i.output) for i in train_spec.inputs] == [
        ("X", "load", "X"),
        ("y", "load", "y"),
    ]
    assert train_spec.parameters == {"gamma": 0.1}
    assert train_spec.upstream == ("load",)


def test_defaults_are_recorded_as_parameters():
    spec = _compile(lambda: load())

    assert spec.step("load").parameters == {"n": 10}


def test_a_step_used_twice_gets_a_numbered_name():
    def body():
        X, y = load()
        train(X, y)
        train(X, y)

    spec = _compile(body)

    assert [s.name for s in spec.steps] == ["load", "train", "train_2"]


def test_run_options_override_step_options_which_override_pipeline_options():
    def body():
        X, y = load()
        train(X, y)

    by_pipeline = _compile(body, pipeline_enable_cache=False)
    by_run = _compile(body, pipeline_enable_cache=False, run_enable_cache=True)

    assert by_pipeline.step("load").enable_cache is False
    assert by_pipeline.step("train").enable_cache is False
    assert by_run.step("train").enable_cache is True


def test_pydantic_parameters_are_recorded_as_json():
    spec = _compile(lambda: configure(config=Config(depth=5)))

    assert spec.to_dict()["steps"][0]["parameters"] == {"config": {"depth": 5}}


def test_every_problem_is_reported_at_once():
    def body():
        needs_features()
        needs_features(features=object())

    with pytest.raises(DefinitionError) as caught:
        _compile(body)

    message = str(caught.value)
    assert "2 problems" in message
    assert "Step 'needs_features' needs an input 'features'" in message
    assert "Step 'needs_features_2' gets parameter 'features' of type 'object'" in message


def test_a_pipeline_without_steps_is_rejected():
    with pytest.raises(DefinitionError, match="calls no steps"):
        _compile(lambda: None)


def test_wrong_arguments_are_reported_with_the_step_name():
    with pytest.raises(DefinitionError, match="Step 'load' was called with arguments"):
        _compile(lambda: load(1, 2, 3))


def test_spec_round_trips_through_its_dict_form():
    def body():
        X, y = load()
        train(X, y, gamma=0.5)

    spec = _compile(body, tags=("demo",))

    again = PipelineSpec.from_dict(spec.to_dict())

    assert again.to_dict() == spec.to_dict()
    assert again.structure_hash == spec.structure_hash


def test_structure_hash_ignores_parameter_values():
    def body(gamma):
        def inner():
            X, y = load()
            train(X, y, gamma=gamma)

        return inner

    assert _compile(body(0.1)).structure_hash == _compile(body(0.2)).structure_hash


def test_compile_time_does_not_blow_up_for_many_steps():
    def body():
        X, y = load()
        for _ in range(500):
            train(X, y)

    spec = _compile(body)

    assert len(spec.steps) == 501
