"""The server stops runs whose process died by itself: nobody has to read them first."""

from __future__ import annotations

import time

import httpx

from headwater.config import HEARTBEAT_VARIABLE
from headwater.server.app import create_app
from headwater.server.serving import BackgroundServer
from headwater.session import get_session
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
