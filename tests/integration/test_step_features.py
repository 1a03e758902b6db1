"""Step-level features: parameters, outputs, context, metadata, resources."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
from typing import Annotated

import pytest
from pydantic import BaseModel

from headwater import (
    Client,
    StorageSize,
    Uri,
    get_step_context,
    log_metadata,
    pipeline,
    step,
)
from headwater.errors import DefinitionError, HeadwaterError
from tests.pipelines.diamond import diamond
from tests.pipelines.fan_out_fan_in import fan_out_fan_in


class TrainerConfig(BaseModel):
    depth: int = 3
    name: str = "tree"


@step
def configured(config: TrainerConfig) -> Annotated[str, "description"]:
    return f"{config.name}:{config.depth}"


@step
def noisy() -> int:
    print("to stdout")
    print("to stderr", file=sys.stderr)
    logging.getLogger("user.code").warning("a warning")
    subprocess.run(["echo", "from a child process"], check=True)
    return 1


@step
def memory_hungry() -> int:
    block = bytearray(60 * 1024 * 1024)
    return len(block)


@step
def describe() -> tuple[int, str]:
    log_metadata({"when": dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "link": Uri("s3://b/k")})
    log_metadata({"rows": StorageSize(2048)}, artifact_name="output_0")
    context = get_step_context()
    log_metadata({"run_note": "hi"}, run_id_name_or_prefix=context.run_id)
    return 1, "a"


def test_pydantic_model_parameters_reach_the_step_as_models():
    @pipeline
    def with_config() -> None:
        configured(config=TrainerConfig(depth=7))

    run = with_config()

    assert run.steps["configured"].outputs["description"].load() == "tree:7"
    assert run.steps["configured"].parameters == {"config": {"depth": 7, "name": "tree"}}


def test_logs_capture_stdout_stderr_logging_and_child_processes():
    @pipeline
    def talkative() -> None:
        noisy()

    run = talkative()

    lines = {(line.stream, line.message) for line in run.steps["noisy"].logs()}
    assert ("stdout", "to stdout") in lines
    assert ("stderr", "to stderr") in lines
    assert ("stdout", "from a child process") in lines
    assert any(stream == "log" and "a warning" in message for stream, message in lines)


def test_get_step_logs_filters_by_stream_and_text():
    @pipeline
    def talkative() -> None:
        noisy()

    run = talkative()

    lines = Client().get_step_logs(run.name, "noisy", stream="stderr")

    assert [line.message for line in lines] == ["to stderr"]


def test_resource_figures_are_recorded_per_step():
    @pipeline
    def hungry() -> None:
        memory_hungry()

    run = hungry()

    step_run = run.steps["memory_hungry"]
    assert step_run.peak_memory_bytes >= 60 * 1024 * 1024
    assert step_run.cpu_seconds >= 0
    assert step_run.duration_seconds is not None


def test_metadata_goes_to_the_step_its_output_and_its_run_with_types_kept():
    @pipeline
    def described() -> None:
        describe()

    run = described()

    step_run = run.steps["describe"]
    assert step_run.metadata["when"] == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert isinstance(step_run.metadata["link"], Uri)
    assert step_run.outputs["output_0"].metadata["rows"] == 2048
    assert isinstance(step_run.outputs["output_0"].metadata["rows"], StorageSize)
    assert run.refresh().metadata["run_note"] == "hi"


def test_log_metadata_outside_a_step_needs_a_target():
    with pytest.raises(HeadwaterError, match="needs a target"):
        log_metadata({"a": 1})


def test_log_metadata_outside_a_step_can_annotate_a_finished_run():
    run = diamond()

    log_metadata({"reviewed": True}, run_id_name_or_prefix=run.name)

    assert run.refresh().metadata == {"reviewed": True}


def test_get_step_context_outside_a_step_explains_itself():
    with pytest.raises(HeadwaterError, match="outside a running step"):
        get_step_context()


def test_diamond_runs_each_branch_once_and_joins():
    run = diamond()

    assert run.steps["join"].outputs["joined"].load() == 31
    assert run.steps["join"].inputs["a"].load() == 11


def test_fan_out_fan_in_gathers_every_branch():
    run = fan_out_fan_in(width=10)

    assert len(run.steps) == 12
    assert run.steps["gather"].output.load() == sum(1 + i for i in range(10))
    assert "work_10" in run.steps


def test_a_step_returning_the_wrong_number_of_values_fails_clearly():
    @step
    def wrong() -> tuple[int, int]:
        return 1  # type: ignore[return-value]

    @pipeline
    def broken() -> None:
        wrong()

    with pytest.raises(HeadwaterError, match="declares 2 outputs"):
        broken()


def test_miswired_pipeline_fails_before_any_run_is_recorded():
    @step
    def needs(features: int) -> int:
        return features

    @pipeline
    def miswired() -> None:
        needs()

    with pytest.raises(DefinitionError, match="needs an input 'features'"):
        miswired()

    assert Client().list_pipeline_runs().total == 0
