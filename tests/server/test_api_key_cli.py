"""`headwater service-accounts ...`, `headwater api-keys ...` and `login --api-key`."""

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
        timeout=120,
        check=False,
    )


def _login_as_admin(auth_server: AuthServer) -> None:
    done = _headwater("login", auth_server.url, "--username", "admin", "--password", PASSWORD)
    assert done.returncode == 0, done.stderr


def _last_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_ci_job_logs_in_with_an_api_key_and_records_runs_as_its_account(
    auth_server: AuthServer,
):
    _login_as_admin(auth_server)
    created = _headwater("service-accounts", "create", "ci", "--description", "nightly")
    key = _last_line(_headwater("api-keys", "create", "ci", "--name", "nightly"))
    logged_in = _headwater("login", auth_server.url, "--api-key", key)
    child = subprocess.run(
        [sys.executable, "-c", "from tests.pipelines.linear import linear; linear()"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    headers = {"Authorization": f"Bearer {auth_server.token('admin')}"}

    with httpx.Client(base_url=f"{auth_server.url}/api/v1", headers=headers) as client:
        run = client.get("/runs").json()["items"][0]
        author = client.get(f"/users/{run['user_id']}").json()["name"]

    assert created.returncode == 0, created.stderr
    assert key.startswith("hwk_")
    assert logged_in.returncode == 0, logged_in.stderr
    assert child.returncode == 0, child.stderr
    assert author == "ci"


def test_keys_are_listed_rotated_and_revoked_from_the_terminal(auth_server: AuthServer):
    _login_as_admin(auth_server)
    _headwater("service-accounts", "create", "ci")
    first = _last_line(_headwater("api-keys", "create", "ci"))
    first_id = json.loads(_headwater("api-keys", "list", "ci", "-o", "json").stdout)[0]["id"]

    second = _last_line(_headwater("api-keys", "rotate", first_id))
    second_id = json.loads(_headwater("api-keys", "list", "ci", "-o", "json").stdout)[1]["id"]
    revoked = _headwater("api-keys", "revoke", second_id)
    listed = json.loads(_headwater("api-keys", "list", "ci", "-o", "json").stdout)
    table = _headwater("api-keys", "list", "ci")

    assert second.startswith("hwk_")
    assert second != first
    assert revoked.returncode == 0, revoked.stderr
    assert [k["status"] for k in listed] == ["revoked", "revoked"]
    assert "revoked" in table.stdout
    assert first.split("_", 2)[2] not in table.stdout


def test_service_accounts_are_listed_and_deactivated_from_the_terminal(
    auth_server: AuthServer,
):
    _login_as_admin(auth_server)
    _headwater("service-accounts", "create", "ci", "--role", "viewer")

    deactivated = _headwater("service-accounts", "deactivate", "ci")
    listed = json.loads(_headwater("service-accounts", "list", "-o", "json").stdout)

    assert "is deactivated" in deactivated.stdout
    assert [(a["name"], a["role"]) for a in listed] == [("ci", "viewer")]
    assert listed[0]["deactivated"] is not None


def test_a_member_is_told_in_one_line_that_they_may_not_manage_keys(auth_server: AuthServer):
    _headwater("login", auth_server.url, "--username", "member", "--password", PASSWORD)

    result = _headwater("service-accounts", "list")

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "may not 'user:manage'" in result.stderr


def test_without_a_server_login_the_cli_says_how_to_log_in():
    result = _headwater("api-keys", "list", "ci")

    assert result.returncode == 1
    assert result.stderr.startswith("Error: Service accounts and API keys live on a team server")
