"""`GET /me`: who is calling, in local mode and in server mode; no login in local mode."""

from __future__ import annotations

import httpx

from tests.server.auth_fixtures import AuthServer


def test_local_mode_answers_the_default_user_without_a_login(api: httpx.Client):
    answer = api.get("/me")

    assert answer.status_code == 200
    me = answer.json()
    assert set(me) == {"id", "name", "role", "auth_mode", "kind"}
    assert (me["name"], me["role"], me["auth_mode"], me["kind"]) == (
        "default",
        "admin",
        "local",
        "user",
    )
    assert api.get(f"/users/{me['id']}").json()["name"] == "default"


def test_server_mode_answers_the_logged_in_user(auth_server: AuthServer):
    headers = {"Authorization": f"Bearer {auth_server.token('member')}"}

    answer = httpx.get(f"{auth_server.url}/api/v1/me", headers=headers)

    assert answer.status_code == 200
    me = answer.json()
    assert (me["name"], me["role"], me["auth_mode"], me["kind"]) == (
        "member",
        "member",
        "server",
        "user",
    )


def test_server_mode_answers_401_without_a_login(auth_server: AuthServer):
    answer = httpx.get(f"{auth_server.url}/api/v1/me")

    assert answer.status_code == 401
    assert answer.json()["code"] == "unauthorized"


def test_local_mode_refuses_a_login_instead_of_signing_a_token_with_no_secret(
    api: httpx.Client,
):
    answer = api.post("/login", json={"username": "default", "password": "whatever it is"})

    assert answer.status_code == 400
    assert answer.json()["code"] == "login_not_required"
    assert "does not require a login" in answer.json()["message"]
