"""Caching end to end: what reruns, what is reused, and why."""

from __future__ import annotations

from headwater import Client, pipeline, step
from tests.pipelines.linear import linear

calls: list[str] = []


@step(enable_cache=False)
def constant() -> int:
    calls.append("constant")
    return 42


@step
def consume(value: int) -> int:
    calls.append("consume")
    return value + 1


@pipeline
def steady() -> None:
    consume(constant())


def test_a_fully_cached_rerun_executes_nothing():
    linear()

    run = linear()

    assert {s.status for s in run.steps.values()} == {"cached"}
    assert run.steps["total"].output.load() == 6


def test_upstream_rerun_with_identical_bytes_keeps_downstream_cached():
    steady()
    calls.clear()

    run = steady()

    assert run.steps["constant"].status == "completed"
    assert run.steps["consume"].status == "cached"
    assert calls == ["constant"]


def test_changed_parameter_reruns_the_step_and_its_downstream():
    linear(n=3)

    run = linear(n=4)

    assert [s.status for s in run.steps.values()] == ["completed", "completed", "completed"]
    assert run.steps["total"].output.load() == 12


def test_explain_cache_names_the_changed_parameter():
    linear(n=3)
    run = linear(n=4)

    explanation = Client().explain_cache(run.steps["load"])

    assert [c.name for c in explanation.changes] == ["parameters"]
    assert "parameters changed from {'n': 3} to {'n': 4}" in str(explanation)


def test_explain_cache_names_the_changed_input_downstream():
    linear(n=3)
    run = linear(n=4)

    explanation = Client().explain_cache(run.steps["double"])

    assert "the content of its input 'numbers' changed" in explanation.reasons


def test_explain_cache_on_a_cached_step_names_the_reused_step_run():
    first = linear()
    second = linear()

    explanation = Client().explain_cache(second.steps["load"])

    assert explanation.baseline_step_run_id == first.steps["load"].id
    assert "reused" in str(explanation)


def test_a_first_run_is_explained_as_having_nothing_to_reuse():
    run = linear()

    assert "first run" in str(Client().explain_cache(run.steps["load"]))


def test_deleted_bytes_make_a_cached_step_run_again(headwater_home):
    import shutil

    linear()
    shutil.rmtree(headwater_home / "artifacts" / "artifacts")

    run = linear()

    assert [s.status for s in run.steps.values()] == ["completed", "completed", "completed"]
