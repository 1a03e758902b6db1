"""`headwater up` starts the server in the background; `headwater down` stops it."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx


def _headwater(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_up_serves_in_the_background_until_down(headwater_home):
    started = _headwater("up", "--port", "0")
    url = json.loads((headwater_home / "server.json").read_text())["url"]
    try:
        health = httpx.get(f"{url}/api/v1/health", timeout=10)
    finally:
        stopped = _headwater("down")

    assert started.returncode == 0, started.stderr
    assert url in started.stdout
    assert health.json()["status"] == "ok"
    assert stopped.returncode == 0
    assert not (headwater_home / "server.json").exists()
    assert "Application startup complete" in (headwater_home / "server.log").read_text()


def test_down_without_a_server_says_so(headwater_home):
    result = _headwater("down")

    assert result.returncode == 0
    assert "No Headwater server is running" in result.stdout


def test_a_bad_port_is_one_error_line():
    result = _headwater("up", "--port", "99999")

    assert result.returncode != 0
    assert result.stderr.startswith("Error:")
    assert "Traceback" not in result.stderr


def test_up_refuses_to_serve_a_server_it_is_logged_in_to(monkeypatch):
    monkeypatch.setenv("HEADWATER_STORE_URL", "http://127.0.0.1:9")

    result = _headwater("up")

    assert result.returncode == 1
    assert result.stderr.startswith("Error: `headwater up` serves a database")


def test_up_on_a_public_address_warns_that_there_is_no_login(headwater_home):
    started = _headwater("up", "--host", "0.0.0.0", "--port", "0")
    stopped = _headwater("down")

    assert started.returncode == 0, started.stderr
    assert "anyone who can reach this address" in " ".join(started.stdout.split())
    assert stopped.returncode == 0
