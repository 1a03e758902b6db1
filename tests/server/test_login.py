"""`headwater login URL` makes the server the default store; `logout` undoes it."""

from __future__ import annotations

import subprocess
import sys


def _headwater(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_after_login_runs_record_into_the_server_until_logout(server, api):
    logged_in = _headwater("login", server.url)
    child = subprocess.run(
        [sys.executable, "-c", "from tests.pipelines.linear import linear; linear()"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    logged_out = _headwater("logout")

    assert logged_in.returncode == 0, logged_in.stderr
    assert child.returncode == 0, child.stderr
    assert api.get("/runs").json()["total"] == 1
    assert "Logged out" in logged_out.stdout


def test_login_to_something_that_is_not_a_url_is_one_error_line():
    result = _headwater("login", "localhost:8237")

    assert result.returncode == 1
    assert result.stderr.startswith("Error: 'localhost:8237' is not a server URL")


def test_login_to_a_server_that_is_down_says_so():
    result = _headwater("login", "http://127.0.0.1:9")

    assert result.returncode == 1
    assert "Cannot reach the Headwater server" in result.stderr
