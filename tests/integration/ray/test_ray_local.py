"""The Ray orchestrator on a local Ray with two CPUs (the test process's cluster)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from headwater import Client
from headwater.errors import StepExecutionError
from headwater.session import close_sessions
from headwater.store.models import ExecutionStatus
from tests.integration.ray.conftest import REPO_ROOT
from tests.integration.ray.helpers import latest_run, run_on_ray, step_runs
from tests.integration.ray.pipelines import (
    chain,
    failing,
    killable,
    live_logs,
    needs_gpus,
    rendezvous,
    retried,
)

pytestmark = pytest.mark.usefixtures("local_ray")

# Each kill costs a fresh Ray worker (its start and imports: a second or two), so the
# proof repeats a handful of times: enough to show it holds on either node and whichever
# worker Ray picks, without paying 20 cold starts in every test run.
_KILLS = 5


def test_independent_steps_run_at_the_same_time(tmp_path):
    run = run_on_ray(rendezvous, str(tmp_path), width=2)

    response = Client().get_pipeline_run(run.id)
    assert response.status == "completed"
    assert response.model.orchestrator == "ray"
    # Each step waited for the other to arrive: they ran at once, in two workers.
    assert response.steps["gather"].output.load() == 2


def test_workers_logs_and_where_each_step_ran_are_recorded(tmp_path):
    run = run_on_ray(rendezvous, str(tmp_path), width=2)

    meet = Client().get_pipeline_run(run.id).steps["meet"]
    pid = meet.output.load()
    assert f"step 0 met the others in process {pid}" in [line.message for line in meet.logs()]
    assert meet.metadata["pid"] == pid
    assert meet.metadata["ray_node"]
    assert len(meet.metadata["ray_task_id"]) > 10


def test_a_workers_log_lines_reach_the_store_while_its_step_runs(tmp_path):
    driver = threading.Thread(target=run_on_ray, args=(live_logs, str(tmp_path)), daemon=True)
    driver.start()

    # Read while the step waits for "go": the line was recorded before the step ended.
    lines, status = _logs_once_they_show("halfway there")
    (tmp_path / "go").touch()
    driver.join(timeout=120)

    assert "halfway there" in lines
    assert "all the way" not in lines
    assert status is ExecutionStatus.RUNNING
    step = Client().get_pipeline_run(latest_run().id).steps["talk_then_wait"]
    assert [line.message for line in step.logs()][-2:] == ["halfway there", "all the way"]


def _logs_once_they_show(expected: str) -> tuple[list[str], ExecutionStatus]:
    """The running step's log lines (and status) as soon as `expected` is among them."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        found = step_runs(latest_run().id, "talk_then_wait") if _has_runs() else []
        if found:
            step = Client().get_run_step(found[0].id)
            lines = [line.message for line in step.logs()]
            if expected in lines:
                return lines, found[0].status
        time.sleep(0.05)
    raise AssertionError(f"'{expected}' never reached the store")


def _has_runs() -> bool:
    try:
        latest_run()
    except IndexError:
        return False
    return True


def test_a_failed_attempt_is_retried_and_every_attempt_is_recorded(tmp_path):
    run = run_on_ray(retried, str(tmp_path))

    attempts = step_runs(run.id, "flaky")
    assert [a.status for a in attempts] == ["failed", "failed", "completed"]
    assert "attempt 1 fails on purpose" in (attempts[0].exception or "")
    assert "attempt 2 fails on purpose" in (attempts[1].exception or "")
    response = Client().get_pipeline_run(run.id)
    assert response.status == "completed"
    assert response.steps["after"].output.load() == "DONE"


def test_a_failing_step_fails_the_run_and_its_downstream_never_starts():
    with pytest.raises(StepExecutionError, match="always_fails"):
        run_on_ray(failing)

    run = latest_run()
    assert run.status is ExecutionStatus.FAILED
    assert "ValueError: no luck" in (run.exception or "")
    assert [s.name for s in step_runs(run.id)] == ["always_fails"]


def test_a_step_asking_for_resources_no_node_has_fails_before_any_step_starts():
    with pytest.raises(StepExecutionError, match="greedy") as caught:
        run_on_ray(needs_gpus)

    assert "asks for 1 GB of memory" not in caught.value.traceback_text  # memory is there
    assert "asks for 4 GPU (the largest node has 0 GPU)" in caught.value.traceback_text
    run = latest_run()
    assert run.status is ExecutionStatus.FAILED
    assert "no node of the Ray cluster has" in (run.exception or "")
    assert step_runs(run.id) == []


def test_a_killed_worker_fails_its_step_every_time_and_nothing_is_lost(tmp_path):
    for attempt in range(_KILLS):
        folder = tmp_path / f"kill-{attempt}"
        folder.mkdir()
        (folder / "seconds").write_text("60")
        with (
            _killing_the_worker_when_it_starts(folder),
            pytest.raises(StepExecutionError, match="wait_to_be_killed") as caught,
        ):
            run_on_ray(killable, str(folder))
        assert "died before the step ended" in caught.value.traceback_text

        run = latest_run()
        assert run.status is ExecutionStatus.FAILED, attempt
        (killed,) = step_runs(run.id)  # `downstream` never started
        assert killed.status is ExecutionStatus.FAILED
        assert "The Ray worker running step 'wait_to_be_killed' died" in (killed.exception or "")
        assert killed.outputs == {}


def test_a_step_that_ended_before_its_worker_died_keeps_its_outputs(tmp_path):
    (tmp_path / "seconds").write_text("0")

    run = run_on_ray(killable, str(tmp_path))

    # The worker that ran it may be killed now: the record stays whole.
    os.kill(int((tmp_path / "pid").read_text()), signal.SIGKILL)
    response = Client().get_pipeline_run(run.id)
    assert response.status == "completed"
    assert response.steps["downstream"].output.load() == "survived"


def test_many_trivial_steps_complete_in_order():
    run = run_on_ray(chain, length=5)

    assert Client().get_pipeline_run(run.id).steps["trivial_5"].output.load() == 5


@contextlib.contextmanager
def _killing_the_worker_when_it_starts(folder: Path) -> Iterator[None]:
    """Kills the worker (SIGKILL) from a thread as soon as its step writes its pid."""

    def kill() -> None:
        pid_file = folder / "pid"
        deadline = time.monotonic() + 60
        while not pid_file.exists() or not pid_file.read_text():
            if time.monotonic() > deadline:
                return
            time.sleep(0.01)
        os.kill(int(pid_file.read_text()), signal.SIGKILL)

    killer = threading.Thread(target=kill, daemon=True)
    killer.start()
    yield
    killer.join(timeout=60)


def teardown_module() -> None:
    close_sessions()


def test_ctrl_c_in_the_driver_stops_the_run_and_cancels_its_task(local_ray, tmp_path):
    (tmp_path / "seconds").write_text("120")
    code = (
        "import ray, sys; ray.init(address=sys.argv[1], log_to_driver=False);"
        "from tests.integration.ray.helpers import run_on_ray;"
        "from tests.integration.ray.pipelines import killable;"
        "run_on_ray(killable, sys.argv[2])"
    )
    driver = subprocess.Popen(
        [sys.executable, "-c", code, local_ray, str(tmp_path)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        stderr=subprocess.PIPE,
        text=True,
    )
    pid_file = tmp_path / "pid"
    deadline = time.monotonic() + 120
    while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)

    driver.send_signal(signal.SIGINT)
    _, stderr = driver.communicate(timeout=60)

    assert driver.returncode != 0
    assert "KeyboardInterrupt" in stderr
    run = latest_run()
    assert run.status is ExecutionStatus.STOPPED
    assert [s.status for s in step_runs(run.id)] == [ExecutionStatus.STOPPED]
    assert not _is_alive(int(pid_file.read_text()))


def _is_alive(pid: int) -> bool:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.1)
    return True
