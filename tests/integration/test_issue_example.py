"""The core issue's own example, end to end on the default embedded store."""

from __future__ import annotations

from typing import Annotated

import numpy as np

from headwater import ArtifactConfig, Client, get_step_context, log_metadata, pipeline, step


@step
def load(n: int = 100) -> tuple[Annotated[np.ndarray, "X"], Annotated[np.ndarray, "y"]]:
    print("loading", n)
    return np.arange(n * 2.0).reshape(n, 2), np.arange(n) % 2


@step(enable_cache=False)
def train(
    X: np.ndarray, y: np.ndarray, gamma: float = 0.001
) -> Annotated[float, ArtifactConfig(name="score", tags=["eval"])]:
    log_metadata({"accuracy": 0.93, "gamma": gamma})
    print(get_step_context().step_name)
    return float((X[:, 0] * gamma).mean())


@pipeline(tags=["demo"])
def training(gamma: float = 0.001) -> None:
    X, y = load()
    train(X, y, gamma=gamma)


def test_first_run_completes_and_everything_is_navigable():
    run = training()

    assert run.status == "completed"
    assert run.tags == ("demo",)
    assert [s.status for s in run.steps.values()] == ["completed", "completed"]
    X = run.steps["load"].outputs["X"].load()
    assert X.shape == (100, 2)
    assert run.steps["train"].outputs["score"].load() == float((X[:, 0] * 0.001).mean())
    assert run.steps["train"].metadata == {"accuracy": 0.93, "gamma": 0.001}


def test_rerun_caches_load_but_not_train():
    training()

    run = training()

    assert run.steps["load"].status == "cached"
    assert run.steps["train"].status == "completed"


def test_run_level_option_turns_caching_off_for_every_step():
    training()

    run = training.with_options(enable_cache=False)()

    assert [s.status for s in run.steps.values()] == ["completed", "completed"]


def test_last_run_and_list_pipeline_runs_find_the_newest_run():
    training()
    second = training(gamma=0.5)

    latest = Client().get_pipeline("training").last_run
    page = Client().list_pipeline_runs(
        pipeline_name="training", status="completed", sort_by="desc:created", size=20
    )

    assert latest.id == second.id
    assert latest.steps["train"].outputs["score"].load() == second.steps["train"].output.load()
    assert page.total == 2
    assert page.items[0].id == second.id


def test_prints_are_captured_into_each_steps_log():
    run = training()

    load_lines = [line.message for line in run.steps["load"].logs()]
    train_lines = [line.message for line in run.steps["train"].logs()]

    assert "loading 100" in load_lines
    assert "train" in train_lines
    assert "loading 100" not in train_lines


def test_named_artifact_carries_its_tags_and_numbers_its_versions():
    training()
    training(gamma=0.2)

    versions = Client().list_artifact_versions(artifact_name="score", sort_by="asc:created")

    assert [v.version for v in versions.items] == [1, 2]
    assert versions.items[0].tags == ("eval",)
