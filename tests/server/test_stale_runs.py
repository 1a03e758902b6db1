"""The server stops runs whose process died by itself: nobody has to read them first."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx

from headwater.config import HEARTBEAT_VARIABLE
from headwater.server.app import create_app
from headwater.server.serving import BackgroundServer
from headwater.session import get_session
from tests.server.auth_fixtures import PASSWORD, AuthServer
from tests.store_contract.records import a_run


def _status_once_settled(url: str, run_id: str, *, timeout: float = 60.0) -> str:
    """The run's status once it is no longer `initializing`, or the last one seen."""
    deadline = time.monotonic() + timeout
    status = ""
    with httpx.Client(base_url=f"{url}/api/v1", timeout=30) as client:
        while time.monotonic() < deadline:
            status = client.get(f"/runs/{run_id}").json()["status"]
            if status != "initializing":
                break
            time.sleep(0.1)
    return status


def test_a_run_whose_heartbeat_stopped_is_stopped_by_the_server(monkeypatch, static_folder):
    monkeypatch.setenv(HEARTBEAT_VARIABLE, "0.05")  # stale after six beats: 0.3 s
    session = get_session()
    run = session.store.create_run(a_run())

    with BackgroundServer(create_app(session, static_folder=static_folder)) as server:
        status = _status_once_settled(server.url, str(run.id))

    assert status == "stopped"


def _headwater(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_a_viewer_lists_runs_and_a_live_run_stays_running(auth_server: AuthServer):
    run = get_session().store.create_run(a_run(name="live-one"))
    logged_in = _headwater("login", auth_server.url, "--username", "viewer", "--password", PASSWORD)

    listed = _headwater("runs", "list", env={HEARTBEAT_VARIABLE: "0.001"})

    assert logged_in.returncode == 0, logged_in.stderr
    assert listed.returncode == 0, listed.stderr
    assert "live-one" in listed.stdout
    assert get_session().store.get_run(run.id).status == "initializing"


def test_no_client_can_ask_the_server_to_stop_stale_runs(auth_server: AuthServer):
    headers = {"Authorization": f"Bearer {auth_server.token('admin')}"}

    answer = httpx.post(
        f"{auth_server.url}/api/v1/runs/stop-stale",
        json={"older_than_seconds": 1e-6},
        headers=headers,
    )

    assert answer.status_code in (404, 405)
