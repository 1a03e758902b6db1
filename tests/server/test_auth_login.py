"""`headwater login URL --username U` against a server that requires a login."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx

from tests.server.auth_fixtures import PASSWORD, AuthServer


def _headwater(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _run_linear_pipeline() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from tests.pipelines.linear import linear; linear()"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _runs(auth_server: AuthServer) -> int:
    headers = {"Authorization": f"Bearer {auth_server.token('viewer')}"}
    return int(httpx.get(f"{auth_server.url}/api/v1/runs", headers=headers).json()["total"])


def test_a_member_records_a_run_through_a_server_that_requires_a_login(
    auth_server: AuthServer,
):
    created = _headwater("user", "create", "ada", "--role", "member", "--password", PASSWORD)
    logged_in = _headwater("login", auth_server.url, "--username", "ada", "--password", PASSWORD)
    child = _run_linear_pipeline()

    assert created.returncode == 0, created.stderr
    assert logged_in.returncode == 0, logged_in.stderr
    assert child.returncode == 0, child.stderr
    assert _runs(auth_server) == 1


def test_a_viewer_cannot_record_a_run_and_is_told_why_in_one_line(auth_server: AuthServer):
    logged_in = _headwater("login", auth_server.url, "--username", "viewer", "--password", PASSWORD)
    child = _run_linear_pipeline()

    assert logged_in.returncode == 0, logged_in.stderr
    assert child.returncode != 0
    last_line = child.stderr.strip().splitlines()[-1]
    assert "User 'viewer' may not 'run:create' in project 'default'" in last_line
    assert _runs(auth_server) == 0


def test_a_wrong_password_is_one_error_line(auth_server: AuthServer):
    result = _headwater("login", auth_server.url, "--username", "viewer", "--password", "nope")

    assert result.returncode == 1
    assert result.stderr == "Error: Wrong username or password.\n"


def test_a_server_that_requires_a_login_refuses_a_login_without_one(auth_server: AuthServer):
    result = _headwater("login", auth_server.url)

    assert result.returncode == 1
    assert result.stderr.startswith("Error: This server requires a login")


def test_up_with_auth_serves_health_but_requires_a_login_elsewhere(headwater_home):
    created = _headwater("users", "create", "root", "--role", "admin", "--password", PASSWORD)
    started = _headwater("up", "--port", "0", "--auth")
    url = json.loads((headwater_home / "server.json").read_text())["url"]
    try:
        health = httpx.get(f"{url}/api/v1/health", timeout=10)
        anonymous = httpx.get(f"{url}/api/v1/runs", timeout=10)
        token = httpx.post(
            f"{url}/api/v1/login", json={"username": "root", "password": PASSWORD}, timeout=10
        ).json()["access_token"]
        logged_in = httpx.get(
            f"{url}/api/v1/runs", headers={"Authorization": f"Bearer {token}"}, timeout=10
        )
    finally:
        _headwater("down")

    assert created.returncode == 0, created.stderr
    assert started.returncode == 0, started.stderr
    assert health.status_code == 200
    assert anonymous.status_code == 401
    assert logged_in.status_code == 200
    assert (headwater_home / "server_secret").stat().st_mode & 0o777 == 0o600


def test_server_start_serves_the_given_database_with_a_login_required(headwater_home):
    database = f"sqlite:///{headwater_home / 'team.db'}"
    started = _headwater("server", "start", "--database-url", database, "--port", "0")
    url = json.loads((headwater_home / "server.json").read_text())["url"]
    try:
        anonymous = httpx.get(f"{url}/api/v1/runs", timeout=10)
    finally:
        _headwater("down")

    assert started.returncode == 0, started.stderr
    assert anonymous.status_code == 401
    assert (headwater_home / "team.db").exists()
