"""Server mode: every route but health and login needs a valid, unexpired access token."""

from __future__ import annotations

import sqlite3
import uuid

import httpx

from headwater.server.tokens import issue_token
from headwater.session import get_session
from tests.server.auth_fixtures import PASSWORD, AuthServer


def test_health_and_login_need_no_token(auth_server: AuthServer):
    health = httpx.get(f"{auth_server.url}/api/v1/health")
    login = httpx.post(
        f"{auth_server.url}/api/v1/login", json={"username": "viewer", "password": PASSWORD}
    )

    assert health.status_code == 200
    assert login.status_code == 200
    assert login.json()["role"] == "viewer"
    assert login.json()["expires_in"] > 0


def test_a_request_without_a_token_is_refused_with_the_error_body(auth_server: AuthServer):
    answer = httpx.get(f"{auth_server.url}/api/v1/runs")

    assert answer.status_code == 401
    assert answer.json()["code"] == "unauthorized"
    assert set(answer.json()) == {"code", "message", "details"}


def test_a_token_with_a_valid_signature_is_accepted(auth_server: AuthServer):
    token = auth_server.token("viewer")

    answer = httpx.get(
        f"{auth_server.url}/api/v1/runs", headers={"Authorization": f"Bearer {token}"}
    )

    assert answer.status_code == 200


def test_expired_forged_and_malformed_tokens_are_refused(auth_server: AuthServer):
    user = httpx.get(
        f"{auth_server.url}/api/v1/users/viewer",
        headers={"Authorization": f"Bearer {auth_server.token('viewer')}"},
    ).json()
    expired = issue_token(auth_server.secret, uuid.UUID(user["id"]), seconds=-1)
    forged = issue_token(b"another secret", uuid.UUID(user["id"]))

    answers = [
        httpx.get(f"{auth_server.url}/api/v1/runs", headers={"Authorization": header})
        for header in (f"Bearer {expired}", f"Bearer {forged}", "Bearer x.y", "Basic dTpw")
    ]

    assert [a.status_code for a in answers] == [401, 401, 401, 401]
    assert all(a.json()["code"] == "unauthorized" for a in answers)


def test_a_wrong_password_or_unknown_user_gets_no_token(auth_server: AuthServer):
    wrong = httpx.post(
        f"{auth_server.url}/api/v1/login", json={"username": "member", "password": "nope"}
    )
    unknown = httpx.post(
        f"{auth_server.url}/api/v1/login", json={"username": "nobody", "password": PASSWORD}
    )

    assert (wrong.status_code, unknown.status_code) == (401, 401)
    assert wrong.json()["message"] == unknown.json()["message"] == "Wrong username or password."


def test_an_admin_creates_a_user_who_can_then_log_in(auth_server: AuthServer):
    headers = {"Authorization": f"Bearer {auth_server.token('admin')}"}

    created = httpx.post(
        f"{auth_server.url}/api/v1/users",
        headers=headers,
        json={"name": "ada", "password": "a long password", "role": "member"},
    )

    assert created.status_code == 201
    assert created.json()["role"] == "member"
    assert auth_server.token("ada", "a long password")


def test_a_store_failing_while_the_caller_is_identified_is_an_error_not_a_stranger(
    auth_server: AuthServer,
):
    token = auth_server.token("member")
    database = get_session().settings.store_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        connection.execute("DROP TABLE revoked_tokens")  # the check every token passes

    answer = httpx.get(
        f"{auth_server.url}/api/v1/runs", headers={"Authorization": f"Bearer {token}"}
    )

    # Not 401 (as if the token were bad) nor a page for nobody: the failure is the answer.
    assert answer.status_code == 503, answer.text
    assert answer.json()["code"] == "store_unavailable"
    assert "revoked_tokens" in answer.json()["message"]
