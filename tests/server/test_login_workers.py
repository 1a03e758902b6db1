"""`headwater server start --workers 2`: the login limit holds across worker processes.

Failed logins are counted in the database both workers share, so the number of wrong
passwords answered 401 before the first 429 is the limit, whichever worker took each
request (each over a fresh connection, so the kernel spreads them over the workers).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from headwater.server.passwords import hash_password
from headwater.store.factory import open_store
from headwater.store.logins import ServerRole
from tests.server.auth_fixtures import PASSWORD, logins
from tests.server.test_workers import _wait_until_serving

LIMIT = 4
ATTEMPTS = 24


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two_workers_with_login(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A server in server mode with two workers and a user `root`; its URL."""
    if request.param == "sqlite":
        database = f"sqlite:///{tmp_path / 'team.db'}"
    else:
        database = request.getfixturevalue("postgresql_server").create_database("logins")
    store = open_store(database)
    logins(store).save_login("root", hash_password(PASSWORD), ServerRole.ADMIN)
    store.close()
    home = tmp_path / "server-home"
    env = {
        **os.environ,
        "HEADWATER_HOME": str(home),
        "HEADWATER_LOGIN_MAX_FAILURES_PER_USER": str(LIMIT),
        "HEADWATER_LOGIN_MAX_FAILURES_PER_ADDRESS": str(ATTEMPTS * 2),
    }
    command = [sys.executable, "-m", "headwater.cli.main", "server", "start", "--blocking"]
    command += ["--database-url", database, "--auth", "--port", "0", "--workers", "2"]
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        yield _wait_until_serving(home, server, log)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _login(url: str, password: str) -> httpx.Response:
    # A client per request: a fresh connection, which either worker may accept.
    with httpx.Client(timeout=60) as client:
        body = {"username": "root", "password": password}
        return client.post(f"{url}/api/v1/login", json=body)


def test_two_workers_accept_no_more_wrong_passwords_than_the_limit(two_workers_with_login):
    url = two_workers_with_login

    answers = [_login(url, f"guess-{n}") for n in range(ATTEMPTS)]
    right = _login(url, PASSWORD)

    codes = [answer.status_code for answer in answers]
    assert codes == [401] * LIMIT + [429] * (ATTEMPTS - LIMIT)
    assert all(0 < int(a.headers["retry-after"]) <= 300 for a in answers[LIMIT:])
    assert answers[-1].json()["code"] == "too_many_login_attempts"
    assert right.status_code == 429  # even the right password waits out the window
