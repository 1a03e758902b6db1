"""Runs across processes: killed runs, concurrent writers, steps in other processes."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from headwater import Client
from headwater.errors import StepExecutionError
from headwater.runner.orchestrators.subprocess import SubprocessOrchestrator
from headwater.runner.pipeline_runner import RunTarget, run_pipeline
from headwater.session import get_session
from tests.pipelines.fails_midway import fails_midway
from tests.pipelines.linear import linear
from tests.store_contract.records import a_run

REPO_ROOT = Path(__file__).resolve().parents[2]


def _python(code: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env={**os.environ, **env},
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for(path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"{path} did not appear within {timeout} s")
        time.sleep(0.05)


def test_a_killed_run_is_shown_as_stopped_and_leaves_no_dangling_artifact(
    headwater_home, tmp_path, monkeypatch
):
    monkeypatch.setenv("HEADWATER_HEARTBEAT_SECONDS", "0.2")
    marker = tmp_path / "started"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.pipelines.slow", str(marker)],
        cwd=REPO_ROOT,
        env={**os.environ},
    )
    _wait_for(marker)

    process.send_signal(signal.SIGKILL)
    process.wait()
    time.sleep(6 * 0.2 + 0.5)  # let the heartbeat go stale: six missed beats
    seen_before_next_run = Client().get_pipeline("slow").last_run.status
    linear()  # the next run on this machine stops the runs whose process died
    run = Client().get_pipeline("slow").last_run

    assert seen_before_next_run == "running"  # reads never write
    assert run.status == "stopped"
    assert run.steps["sleepy"].status == "stopped"
    store = get_session().artifact_store
    for version in Client().list_artifact_versions(size=100).items:
        assert store.exists(version.uri), f"{version.uri} is recorded but missing"


def test_a_reader_with_a_short_heartbeat_does_not_stop_a_live_run(headwater_home):
    store = get_session().store
    run = store.create_run(a_run().model_copy(update={"heartbeat_seconds": 5.0}))
    store.heartbeat(run.id)
    time.sleep(0.7)  # older than six of the reader's beats, younger than one of the run's

    listed = subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", "runs", "list"],
        env={**os.environ, "HEADWATER_HEARTBEAT_SECONDS": "0.1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    started = subprocess.run(
        [sys.executable, "-c", "from tests.pipelines.linear import linear; linear()"],
        cwd=REPO_ROOT,
        env={**os.environ, "HEADWATER_HEARTBEAT_SECONDS": "0.1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert listed.returncode == 0, listed.stderr
    assert started.returncode == 0, started.stderr
    assert store.get_run(run.id).status == "initializing"


def test_four_processes_running_pipelines_at_once_record_every_run(headwater_home):
    code = (
        "from tests.pipelines.linear import linear\n"
        "for n in range(5):\n"
        "    linear.with_options(enable_cache=False)(n=n)\n"
    )
    processes = [_python(code, {}) for _ in range(4)]

    results = [p.communicate(timeout=240) for p in processes]

    for process, (_, stderr) in zip(processes, results, strict=True):
        assert process.returncode == 0, stderr
        assert "database is locked" not in stderr
    runs = Client().list_pipeline_runs(pipeline_name="linear", size=100)
    assert runs.total == 20
    assert {r.status for r in runs.items} == {"completed"}


def test_steps_run_in_other_processes_given_only_ids_and_store_urls():
    session = get_session()
    spec, _ = linear.compile(n=5)
    orchestrator = SubprocessOrchestrator(
        session.settings.store_url, session.settings.artifact_store_url
    )
    target = RunTarget(session.store, session.artifact_store, orchestrator=orchestrator)

    run = run_pipeline(spec, target, functions={})

    response = Client().get_pipeline_run(run.id)
    assert response.status == "completed"
    assert response.steps["total"].output.load() == 20
    assert response.model.orchestrator == "subprocess"
    assert "loading 5 numbers" in [line.message for line in response.steps["load"].logs()]


def _subprocess_target():
    session = get_session()
    orchestrator = SubprocessOrchestrator(
        session.settings.store_url, session.settings.artifact_store_url
    )
    return RunTarget(session.store, session.artifact_store, orchestrator=orchestrator)


def test_steps_in_other_processes_are_reported_to_listeners_and_progress(caplog):
    spec, _ = linear.compile(n=3)
    heard = []

    with caplog.at_level(logging.INFO, logger="headwater.progress"):
        run_pipeline(spec, _subprocess_target(), functions={}, on_step=heard.append)

    assert [outcome.step_run.name for outcome in heard] == ["load", "double", "total"]
    assert {outcome.step_run.status for outcome in heard} == {"completed"}
    total = heard[-1].outputs["output"]
    assert Client().get_artifact_version(total.id).load() == 6
    messages = [record.getMessage() for record in caplog.records]
    assert messages.count("Step 'double' started.") == 1
    assert any(m.startswith("Step 'total' completed") for m in messages)


def test_a_step_failing_in_another_process_is_reported_failed(caplog):
    spec, _ = fails_midway.compile()

    progress = caplog.at_level(logging.INFO, logger="headwater.progress")
    with progress, pytest.raises(StepExecutionError, match="explode"):
        run_pipeline(spec, _subprocess_target(), functions={})

    messages = [record.getMessage() for record in caplog.records]
    assert "Step 'explode' failed." in messages
    assert not any("never_runs" in m for m in messages)


def test_artifacts_can_live_in_any_fsspec_store(monkeypatch, tmp_path):
    monkeypatch.setenv("HEADWATER_ARTIFACT_STORE_URL", "memory://headwater-test-store")

    run = linear(n=4)

    assert run.steps["total"].output.uri.startswith("memory://")
    assert run.steps["total"].output.load() == 12


def test_artifacts_can_live_in_a_second_local_folder(monkeypatch, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("HEADWATER_ARTIFACT_STORE_URL", str(elsewhere))

    run = linear(n=2)

    assert run.steps["total"].output.load() == 2
    assert elsewhere.exists()
