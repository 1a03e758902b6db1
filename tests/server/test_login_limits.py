"""Logins under attack: failures limited per user and address, same cost for every name,
hashing bounded and off the event loop, and tokens revoked when a password changes."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher

from headwater.server.app import create_app
from headwater.server.login_throttle import LoginLimits
from headwater.server.passwords import hash_password
from headwater.server.serving import BackgroundServer
from headwater.session import get_session
from headwater.store.logins import ServerRole
from tests.server.auth_fixtures import PASSWORD, AuthServer, logins

LIMITS = LoginLimits(
    max_failures_per_user=3, max_failures_per_address=6, window_seconds=300, hashing_threads=2
)


@pytest.fixture
def limited_server(static_folder: Path) -> Iterator[AuthServer]:
    """A server in server mode with low login limits; users `admin`, `member`, `viewer`."""
    session = get_session()
    for role in ServerRole:
        logins(session.store).save_login(role.value, hash_password(PASSWORD), role)
    logins(session.store).create_service_account("ci", ServerRole.MEMBER)
    secret = secrets.token_bytes(32)
    app = create_app(session, static_folder=static_folder, token_secret=secret, login_limits=LIMITS)
    with BackgroundServer(app) as running:
        yield AuthServer(url=running.url, secret=secret, app=app)


def _login(server: AuthServer, username: str, password: str, path: str = "/login") -> Any:
    body = {"username": username, "password": password}
    return httpx.post(f"{server.url}/api/v1{path}", json=body, timeout=60)


def test_after_too_many_wrong_passwords_even_the_right_one_gets_a_429(
    limited_server: AuthServer,
):
    wrong = [_login(limited_server, "member", f"guess-{n}").status_code for n in range(3)]

    refused = _login(limited_server, "member", PASSWORD)

    assert wrong == [401, 401, 401]
    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= 300
    assert refused.json()["code"] == "too_many_login_attempts"
    assert "3 failed logins for user 'member'" in refused.json()["message"]


def test_an_unknown_user_is_limited_like_a_known_one(limited_server: AuthServer):
    for n in range(3):
        _login(limited_server, "nobody", f"guess-{n}")

    refused = _login(limited_server, "nobody", "guess-3")

    assert refused.status_code == 429


def test_browser_sessions_are_limited_too(limited_server: AuthServer):
    for n in range(3):
        _login(limited_server, "member", f"guess-{n}", "/sessions")

    refused = _login(limited_server, "member", PASSWORD, "/sessions")

    assert refused.status_code == 429
    assert "set-cookie" not in refused.headers


def test_a_success_resets_the_users_count(limited_server: AuthServer):
    statuses = []
    for _ in range(2):
        statuses += [_login(limited_server, "member", f"guess-{n}").status_code for n in range(2)]
        statuses.append(_login(limited_server, "member", PASSWORD).status_code)

    assert statuses == [401, 401, 200, 401, 401, 200]


def test_one_address_guessing_many_names_is_limited(limited_server: AuthServer):
    wrong = [_login(limited_server, f"name-{n}", "guess").status_code for n in range(6)]

    refused = _login(limited_server, "viewer", PASSWORD)

    assert wrong == [401] * 6
    assert refused.status_code == 429
    assert "from address '127.0.0.1'" in refused.json()["message"]


@pytest.fixture
def verified_hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The hash of every Argon2 verification the server makes (the real one still runs)."""
    seen: list[str] = []
    real_verify = PasswordHasher.verify

    def verify(self: PasswordHasher, hash: str | bytes, password: str | bytes) -> bool:
        seen.append(str(hash))
        return real_verify(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", verify)
    return seen


@pytest.mark.parametrize("username", ["nobody", "ci"])
def test_an_unknown_user_or_a_service_account_costs_one_argon2_verification(
    limited_server: AuthServer, verified_hashes: list[str], username: str
):
    _login(limited_server, "member", "wrong password")
    known_hash = verified_hashes[-1]

    answer = _login(limited_server, username, "wrong password")

    assert answer.status_code == 401
    assert answer.json()["message"] == "Wrong username or password."
    assert len(verified_hashes) == 2
    # The same algorithm and cost parameters: `$argon2id$v=19$m=...,t=...,p=...$`.
    assert verified_hashes[1].split("$")[1:4] == known_hash.split("$")[1:4]
    assert verified_hashes[1] != known_hash


class Verifications:
    """Argon2 verifications as they happen: how many run now, and the most seen at once."""

    def __init__(self) -> None:
        self.running = 0
        self.most = 0
        self.lock = threading.Lock()

    def enter(self) -> None:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)

    def leave(self) -> None:
        with self.lock:
            self.running -= 1


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> Verifications:
    """Every Argon2 verification counted, and held half a second so logins overlap."""
    counted = Verifications()
    real_verify = PasswordHasher.verify

    def verify(self: PasswordHasher, hash: str | bytes, password: str | bytes) -> bool:
        counted.enter()
        try:
            time.sleep(0.5)
            return real_verify(self, hash, password)
        finally:
            counted.leave()

    monkeypatch.setattr(PasswordHasher, "verify", verify)
    return counted


def test_at_most_the_configured_number_of_hashes_run_at_once_and_reads_go_on(
    limited_server: AuthServer, verifications: Verifications
):
    headers = {"Authorization": f"Bearer {limited_server.token('viewer')}"}

    with ThreadPoolExecutor(max_workers=6) as pool:
        logins = [pool.submit(_login, limited_server, f"name-{n}", "guess") for n in range(6)]
        for _ in range(3000):  # readiness wait: until a login is being hashed
            if verifications.running:
                break
            time.sleep(0.01)
        runs = httpx.get(f"{limited_server.url}/api/v1/runs", headers=headers, timeout=60)
        still_hashing = verifications.running
        statuses = [login.result().status_code for login in logins]

    assert runs.status_code == 200
    assert still_hashing > 0
    assert statuses == [401] * 6
    assert verifications.most == LIMITS.hashing_threads


def test_an_old_token_answers_401_after_the_password_changes(limited_server: AuthServer):
    admin = {"Authorization": f"Bearer {limited_server.token('admin')}"}
    old = {"Authorization": f"Bearer {limited_server.token('member')}"}
    new_password = "a brand new password"

    changed = httpx.post(
        f"{limited_server.url}/api/v1/users",
        headers=admin,
        json={"name": "member", "password": new_password, "role": "member"},
    )
    refused = httpx.get(f"{limited_server.url}/api/v1/me", headers=old)
    new = {"Authorization": f"Bearer {limited_server.token('member', new_password)}"}

    assert changed.status_code == 201
    assert refused.status_code == 401
    assert "password changed" in refused.json()["message"]
    assert httpx.get(f"{limited_server.url}/api/v1/me", headers=new).status_code == 200
    assert httpx.get(f"{limited_server.url}/api/v1/me", headers=admin).status_code == 200


def test_an_old_session_cookie_ends_when_the_password_changes(limited_server: AuthServer):
    with httpx.Client(base_url=f"{limited_server.url}/api/v1", timeout=30) as browser:
        browser.post("/sessions", json={"username": "member", "password": PASSWORD})
        before = browser.get("/me").status_code

        logins(get_session().store).save_login(
            "member", hash_password("a brand new password"), ServerRole.MEMBER
        )
        after = browser.get("/me")

    assert before == 200
    assert after.status_code == 401
    assert after.json()["message"].startswith("The session has ended")
