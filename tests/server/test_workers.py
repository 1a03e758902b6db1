"""`headwater server start --workers N`: several processes serve one port and one database.

A real server with two workers on PostgreSQL, started as a user would. Runs created
through fresh connections land on either worker, and a live event stream held by one
worker still sees every one of them: events come from the database, not a worker's memory.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from headwater.server import process as server_process
from tests.server.test_events import _events
from tests.store_contract.records import a_run

WORKERS = 2


@pytest.fixture(scope="module")
def two_workers(
    tmp_path_factory: pytest.TempPathFactory, postgresql_database: str
) -> Iterator[tuple[str, int]]:
    """The server's URL and its supervisor's pid, stopped after the module's tests."""
    tmp_path = tmp_path_factory.mktemp("two-workers")
    home = tmp_path / "server-home"
    env = {**os.environ, "HEADWATER_HOME": str(home)}
    command = [sys.executable, "-m", "headwater.cli.main", "server", "start", "--blocking"]
    command += ["--database-url", postgresql_database, "--no-auth", "--port", "0"]
    command += ["--workers", str(WORKERS)]
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        yield _wait_until_serving(home, server, log), server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_serving(home: Path, server: subprocess.Popen[bytes], log: Path) -> str:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text()
        running = server_process.find_running(home)
        if running is not None:
            try:
                httpx.get(f"{running.url}/api/v1/health", timeout=5).raise_for_status()
                return running.url
            except httpx.HTTPError:
                pass
        time.sleep(0.2)
    raise AssertionError("The two-worker server did not answer within 90 s.")


def test_the_server_runs_its_workers_as_child_processes(two_workers):
    url, pid = two_workers

    # Besides the workers, multiprocessing starts its resource tracker.
    children = [
        child
        for child in psutil.Process(pid).children()
        if "resource_tracker" not in " ".join(child.cmdline())
    ]

    assert len(children) == WORKERS
    assert all(child.is_running() for child in children)
    assert httpx.get(f"{url}/api/v1/runs").status_code == 200


def test_a_stream_on_one_worker_sees_runs_created_through_any(two_workers):
    url, _ = two_workers
    created = []
    with (
        httpx.Client(timeout=60) as listener,
        listener.stream("GET", f"{url}/api/v1/events") as stream,
    ):
        for number in range(8):
            body = a_run(name=f"spread-{number}").model_dump(mode="json")
            # A new connection each time, so the kernel hands them to either worker.
            answer = httpx.post(f"{url}/api/v1/runs", json=body, timeout=30)
            assert answer.status_code == 201, answer.text
            created.append(answer.json()["id"])
        seen = set()
        for event in _events(stream):
            if event["entity"] == "run" and event["change"] == "created":
                seen.add(event["entity_id"])
            if seen >= set(created):
                break

    assert seen >= set(created)


def test_a_server_that_says_it_runs_accepts_requests_before_its_workers_are_up(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "HEADWATER_HOME": str(home)}
    env["HEADWATER_STORE_URL"] = f"sqlite:///{tmp_path / 'headwater.db'}"
    up = [sys.executable, "-m", "headwater.cli.main", "up", "--port", "0"]
    down = [sys.executable, "-m", "headwater.cli.main", "down"]

    # `headwater up` returns once the supervisor records itself, while its workers import.
    subprocess.run([*up, "--workers", str(WORKERS)], env=env, check=True, capture_output=True)
    try:
        running = server_process.find_running(home)
        assert running is not None
        answer = httpx.get(f"{running.url}/api/v1/health", timeout=60)
    finally:
        subprocess.run(down, env=env, check=True, capture_output=True)

    assert answer.status_code == 200
