"""`headwater runs ...`, `pipelines ...` and `logs` on the terminal, against real runs."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from headwater import Client
from headwater.errors import EntityNotFoundError
from headwater.session import get_session
from headwater.store.models import ExecutionStatus
from tests.pipelines.fails_midway import fails_midway
from tests.pipelines.linear import linear
from tests.store_contract.records import a_run, a_step


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Tables wide enough that names are never cut."""
    monkeypatch.setenv("COLUMNS", "200")


def test_runs_list_filters_by_pipeline_status_and_tag(headwater):
    linear.with_options(tags=["nightly"])()
    with pytest.raises(RuntimeError):
        fails_midway()

    failed = headwater("runs", "list", "--status", "failed")
    tagged = headwater("runs", "list", "--pipeline", "linear", "--tag", "nightly")

    assert "fails_midway-1" in failed.stdout
    assert "linear-1" not in failed.stdout
    assert "linear-1" in tagged.stdout
    assert "1 run" in tagged.stdout


def test_runs_list_as_json_carries_the_page(headwater):
    for _ in range(3):
        linear()

    result = headwater("runs", "list", "--size", "2", "--page", "2", "-o", "json")

    body = result.json()
    assert [run["name"] for run in body["items"]] == ["linear-1"]
    assert (body["total"], body["index"], body["size"], body["total_pages"]) == (3, 2, 2, 2)


def test_runs_list_since_and_until_bound_the_creation_time(headwater):
    linear()

    recent = headwater("runs", "list", "--since", "1h", "-o", "json")
    old = headwater("runs", "list", "--until", "1h", "-o", "json")
    window = headwater(
        "runs", "list", "--since", "2000-01-01", "--until", "2100-01-01", "-o", "json"
    )

    assert [len(r.json()["items"]) for r in (recent, old, window)] == [1, 0, 1]


def test_a_bad_since_is_one_error_line(headwater):
    result = headwater("runs", "list", "--since", "last tuesday")

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: --since 'last tuesday' is not a time.")
    assert result.stderr.count("\n") == 1


def test_runs_show_draws_steps_with_status_duration_and_cache_state(headwater):
    linear()
    second = linear()

    result = headwater("runs", "show", second.name)

    assert f"{second.name} completed" in result.stdout
    assert result.stdout.count("cached") == 3
    assert "cache hit: reused run 'linear-1'" in result.stdout
    assert " s " in result.stdout or " s\n" in result.stdout


def test_runs_show_as_json_lists_the_steps(headwater):
    run = linear()

    body = headwater("runs", "show", run.name, "-o", "json").json()

    assert body["name"] == run.name
    assert [step["name"] for step in body["steps"]] == ["load", "double", "total"]


def test_runs_delete_asks_first_and_yes_skips_the_question(headwater, monkeypatch):
    first, second = linear(), linear()
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("n\n"))

    refused = headwater("runs", "delete", first.name)
    deleted = headwater("runs", "delete", second.name, "--yes")

    assert refused.exit_code == 130
    assert deleted.exit_code == 0
    assert [r.name for r in Client().list_pipeline_runs()] == [first.name]


def test_an_unknown_run_is_one_error_line(headwater):
    result = headwater("runs", "show", "nope")

    assert result.exit_code == 1
    assert result.stderr == (
        "Error: No run with id or name 'nope'. List runs with `headwater runs list`.\n"
    )


def test_an_unknown_output_format_is_refused(headwater):
    result = headwater("runs", "list", "-o", "xml")

    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert "xml" in result.stderr


def test_logs_greps_a_steps_captured_lines(headwater):
    run = linear(n=4)

    result = headwater("logs", run.name, "load", "--grep", "loading")

    assert "loading 4 numbers" in result.stdout


def test_logs_follow_prints_lines_until_the_step_ends(headwater):
    command = [sys.executable, "-m", "tests.pipelines.ticking", "followed"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        _wait_for_run("followed")

        result = headwater("logs", "followed", "tick", "--follow")
    finally:
        process.wait(60)

    assert [line.split()[-2:] for line in result.stdout.splitlines()] == [
        ["tick", "0"],
        ["tick", "1"],
        ["tick", "2"],
    ]


@pytest.mark.timeout(60)
def test_logs_follow_ends_once_the_run_has_ended_even_if_its_step_did_not(headwater):
    store = get_session().store
    run = store.create_run(a_run(name="orphaned"))
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    store.start_step(a_step(run, "train").model_copy(update={"log_uri": None}))
    store.update_run_status(run.id, ExecutionStatus.STOPPED)

    result = headwater("logs", "orphaned", "train", "--follow")

    assert result.exit_code == 0, result.stderr


def test_runs_delete_of_a_running_run_says_to_stop_it_first(headwater):
    store = get_session().store
    run = store.create_run(a_run(name="busy"))
    store.update_run_status(run.id, ExecutionStatus.RUNNING)

    result = headwater("runs", "delete", "busy", "--yes")

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Run 'busy' is running")
    assert "`headwater runs stop busy`" in result.stderr
    assert "Traceback" not in result.stderr
    assert Client().get_pipeline_run("busy").status == "running"


def test_runs_stop_stops_a_running_run_and_its_steps_so_it_can_be_deleted(headwater):
    store = get_session().store
    run = store.create_run(a_run(name="busy"))
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    step = store.start_step(a_step(run, "train"))

    stopped = headwater("runs", "stop", "busy")
    deleted = headwater("runs", "delete", "busy", "--yes")

    assert stopped.exit_code == 0, stopped.stderr
    assert "Stopped run 'busy'" in stopped.stdout
    assert deleted.exit_code == 0, deleted.stderr
    assert Client().list_pipeline_runs(name="busy").total == 0
    with pytest.raises(EntityNotFoundError):
        store.get_step_run(step.id)


def test_runs_stop_records_the_run_and_its_steps_as_stopped(headwater):
    store = get_session().store
    run = store.create_run(a_run(name="busy"))
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    step = store.start_step(a_step(run, "train"))

    headwater("runs", "stop", "busy")

    assert store.get_run(run.id).status is ExecutionStatus.STOPPED
    assert "headwater runs stop" in (store.get_run(run.id).exception or "")
    assert store.get_step_run(step.id).status is ExecutionStatus.STOPPED


def test_runs_stop_of_a_finished_run_is_refused(headwater):
    run = linear()

    result = headwater("runs", "stop", run.name)

    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: Run '{run.name}' already ended as 'completed'")
    assert Client().get_pipeline_run(run.name).status == "completed"


def _wait_for_run(name):
    deadline = time.monotonic() + 60
    while not Client().list_pipeline_runs(name=name).items:
        assert time.monotonic() < deadline, f"run '{name}' never started"
        time.sleep(0.05)


def test_pipelines_list_show_and_delete(headwater):
    linear()
    with pytest.raises(RuntimeError):
        fails_midway()

    listed = headwater("pipelines", "list", "-o", "json").json()
    shown = headwater("pipelines", "show", "linear")
    deleted = headwater("pipelines", "delete", "linear", "--yes")

    assert sorted(p["name"] for p in listed["items"]) == ["fails_midway", "linear"]
    assert "linear-1" in shown.stdout
    assert "Deleted pipeline 'linear' and 1 run(s)." in deleted.stdout
    assert [p.name for p in Client().list_pipelines()] == ["fails_midway"]


def test_cache_explain_as_json_names_the_reasons(headwater):
    linear()
    run = linear()

    body = headwater("cache", "explain", run.name, "double", "-o", "json").json()

    assert body["status"] == "cached"
    assert body["reasons"][0].startswith("its cache key matched step run")


def test_runs_compare_prints_the_differences_and_csv_matches_the_client(headwater):
    from tests.pipelines.sweep import sweep

    first, second = sweep(learning_rate=0.1), sweep(learning_rate=0.2)

    table = headwater("runs", "compare", first.name, second.name, "--diff-only")
    as_csv = headwater("runs", "compare", first.name, second.name, "--diff-only", "-o", "csv")
    as_json = headwater("runs", "compare", first.name, second.name, "-o", "json")

    assert table.exit_code == 0, table.stderr
    assert "train.learning_rate" in table.stdout
    assert f"{first.name} (baseline)" in table.stdout
    assert "orchestrator" not in table.stdout  # equal rows are hidden
    assert as_csv.stdout == Client().compare_runs([first, second]).differences().to_csv()
    assert as_json.json()["baseline"] == str(first.id)


def test_runs_compare_of_one_run_is_one_error_line(headwater):
    from tests.pipelines.sweep import sweep

    only = sweep()

    result = headwater("runs", "compare", only.name)

    assert result.exit_code == 1
    assert result.stderr == "Error: Compare 2 to 500 runs at a time; 1 were given.\n"
