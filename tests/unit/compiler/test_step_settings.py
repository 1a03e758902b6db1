"""A step's per-component settings and retries reach its spec, and survive the store."""

from __future__ import annotations

import pytest

from headwater import RaySettings
from headwater.compiler.compile import PipelineOptions, compile_pipeline
from headwater.compiler.recording import recording
from headwater.compiler.spec import PipelineSpec, StepSpec
from headwater.errors import DefinitionError
from headwater.sdk.step import step


@step(settings={"orchestrator": RaySettings(num_cpus=2, memory="4GB")}, retries=2)
def train() -> int:
    return 1


def _compile_one(chosen) -> StepSpec:
    with recording() as recorder:
        chosen()
    return compile_pipeline(recorder, PipelineOptions(name="p")).steps[0]


def test_settings_models_are_recorded_as_json_without_unset_fields():
    spec = _compile_one(train)

    assert spec.settings == {"orchestrator": {"num_cpus": 2.0, "memory": "4GB", "resources": {}}}
    assert spec.retries == 2


def test_settings_and_retries_survive_the_specs_json_form():
    spec = _compile_one(train)

    again = PipelineSpec.from_dict(PipelineSpec(name="p", steps=(spec,)).to_dict()).steps[0]

    assert (again.settings, again.retries) == (spec.settings, spec.retries)


def test_where_a_step_runs_is_no_part_of_its_cache_key():
    moved = train.with_options(settings={"orchestrator": {"num_cpus": 8}})

    assert _compile_one(moved).source_hash == _compile_one(train).source_hash
    assert _compile_one(moved).parameters == _compile_one(train).parameters


def test_negative_retries_and_unjsonable_settings_are_both_reported():
    broken = train.with_options(retries=-1, settings={"orchestrator": object()})

    with pytest.raises(DefinitionError) as caught:
        _compile_one(broken)

    assert "retries=-1. Use a whole number from 0 up" in str(caught.value)
    assert "'orchestrator' settings of type 'object'" in str(caught.value)
