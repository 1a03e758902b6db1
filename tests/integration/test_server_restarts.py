"""A run recording through a server that is killed and restarted mid-run loses nothing."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

SERVER_WAIT_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _start_server(home: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "headwater.cli.main", "up", "--blocking"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    env = {**os.environ, "HEADWATER_HOME": str(home)}
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _wait_until(lambda: _is_healthy(port), f"the server on port {port} to listen")
    return server


def _is_healthy(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).is_success
    except httpx.HTTPError:
        return False


def _wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + SERVER_WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"Gave up waiting for {what}."
        time.sleep(0.05)


def _step_is_running(port: int, name: str) -> bool:
    params = {"name": name, "status": "running"}
    try:
        answer = httpx.get(f"http://127.0.0.1:{port}/api/v1/step-runs", params=params, timeout=1)
    except httpx.HTTPError:
        return False
    return answer.is_success and answer.json()["total"] == 1


def test_a_server_killed_mid_run_is_waited_out_and_every_step_recorded_once(tmp_path):
    home, port, gate = tmp_path / "server-home", _free_port(), tmp_path / "gate"
    server = _start_server(home, port)
    env = {
        **os.environ,
        "HEADWATER_HOME": str(tmp_path / "client-home"),
        "HEADWATER_STORE_URL": f"http://127.0.0.1:{port}",
        "HEADWATER_REST_RETRY_SECONDS": "60",
    }
    script = f"from tests.pipelines.gated import gated; gated(gate={str(gate)!r})"
    run = subprocess.Popen([sys.executable, "-c", script], env=env, stderr=subprocess.PIPE)
    try:
        _wait_until(lambda: _step_is_running(port, "waits"), "step 'waits' to run")
        server.send_signal(signal.SIGKILL)
        server.wait()
        gate.write_text("open")  # the step ends while the server is down
        time.sleep(1)
        server = _start_server(home, port)
        _, stderr = run.communicate(timeout=120)
        steps = httpx.get(f"http://127.0.0.1:{port}/api/v1/step-runs", timeout=10).json()
        runs = httpx.get(f"http://127.0.0.1:{port}/api/v1/runs", timeout=10).json()
    finally:
        run.kill()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    assert run.returncode == 0, stderr.decode()
    assert [r["status"] for r in runs["items"]] == ["completed"]
    assert sorted((s["name"], s["status"]) for s in steps["items"]) == [
        ("first", "completed"),
        ("waits", "completed"),
    ]
    assert b"has not answered" in stderr
