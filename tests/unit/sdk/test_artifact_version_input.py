"""An existing artifact version (from `Client().get_artifact_version()` or a model
version's artifacts) passed to a step in a pipeline is loaded as that step's input."""

from __future__ import annotations

from typing import Annotated

from headwater import Client, pipeline, step


@step
def make() -> Annotated[list[int], "rows"]:
    return [4, 5]


@step
def total(rows: list[int]) -> int:
    return sum(rows)


def test_an_artifact_version_passed_to_a_step_is_loaded_as_its_input():
    @pipeline
    def producing() -> None:
        make()

    @pipeline
    def consuming() -> None:
        total(Client().get_artifact_version("rows"))

    producing()
    run = consuming()

    assert run.steps["total"].output.load() == 9
    assert run.steps["total"].inputs["rows"].name == "rows"
