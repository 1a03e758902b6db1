"""`Annotated[T, "name"]` names the artifact `name`, as in ZenML, so later lookups by that
name find it; an output without a name keeps the step-scoped `step.output` name."""

from __future__ import annotations

from typing import Annotated

from headwater import Client, pipeline, step


@step
def split() -> tuple[Annotated[list[int], "train_set"], Annotated[list[int], "test_set"]]:
    return [1, 2], [3]


@step
def count(rows: list[int]) -> int:
    return len(rows)


def test_an_annotated_name_is_the_artifact_name_and_client_lookups_find_it():
    @pipeline
    def prepare() -> None:
        train, _ = split()
        count(train)

    run = prepare()

    assert run.steps["split"].outputs["train_set"].name == "train_set"
    assert Client().get_artifact_version("test_set").load() == [3]
    assert run.steps["count"].output.name == "count.output"
