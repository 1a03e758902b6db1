"""A pipeline called inside another pipeline adds its steps to the outer one, as ZenML
composes pipelines; what it returns feeds the outer pipeline's steps."""

from __future__ import annotations

from headwater import pipeline, step


@step
def load() -> list[int]:
    return [1, 2, 3]


@step
def total(rows: list[int]) -> int:
    return sum(rows)


@pipeline
def data_loading():
    return load()


def test_an_inner_pipeline_adds_its_steps_and_returns_their_outputs():
    @pipeline
    def training() -> None:
        rows = data_loading()
        total(rows)

    run = training()

    assert list(run.steps) == ["load", "total"]
    assert run.steps["total"].output.load() == 6
