"""`/me/password` and `/me/api-keys`: a user changes their password and holds their own keys."""

from __future__ import annotations

from functools import partial
from types import SimpleNamespace

import httpx
import pytest

from tests.server.auth_fixtures import PASSWORD, AuthServer

NEW_PASSWORD = "a brand new password"

# Argon2 on a busy machine takes its time: wait for answers longer than httpx's 5 s.
_http = SimpleNamespace(
    get=partial(httpx.get, timeout=60),
    post=partial(httpx.post, timeout=60),
    put=partial(httpx.put, timeout=60),
)


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _change(server: AuthServer, token: str, current: str = PASSWORD) -> httpx.Response:
    return _http.put(
        f"{server.url}/api/v1/me/password",
        json={"current_password": current, "new_password": NEW_PASSWORD},
        headers=_bearer(token),
    )


def test_changing_the_password_ends_other_tokens_and_keeps_the_caller(
    auth_server: AuthServer,
):
    other_device = auth_server.token("member")
    caller = auth_server.token("member")

    answer = _change(auth_server, caller)

    assert answer.status_code == 200, answer.text
    new_token = answer.json()["access_token"]
    me = f"{auth_server.url}/api/v1/me"
    assert _http.get(me, headers=_bearer(other_device)).status_code == 401
    assert _http.get(me, headers=_bearer(caller)).status_code == 401
    assert _http.get(me, headers=_bearer(new_token)).json()["name"] == "member"
    assert auth_server.token("member", NEW_PASSWORD)


def test_a_browser_session_gets_new_cookies_and_others_end(auth_server: AuthServer):
    with httpx.Client(base_url=f"{auth_server.url}/api/v1", timeout=60) as browser:
        browser.post("/sessions", json={"username": "member", "password": PASSWORD})
        other_device = auth_server.token("member")

        answer = browser.put(
            "/me/password",
            json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
            headers={"X-CSRF-Token": browser.cookies["headwater_csrf"]},
        )

        assert answer.status_code == 200, answer.text
        assert answer.json()["access_token"] is None
        assert browser.get("/me").json()["name"] == "member"
    assert (
        _http.get(f"{auth_server.url}/api/v1/me", headers=_bearer(other_device)).status_code == 401
    )


def test_a_wrong_current_password_is_a_clear_400_and_changes_nothing(auth_server: AuthServer):
    token = auth_server.token("member")

    answer = _change(auth_server, token, current="not my password")

    assert answer.status_code == 400
    assert answer.json()["code"] == "wrong_password"
    assert "current password is wrong" in answer.json()["message"]
    assert _http.get(f"{auth_server.url}/api/v1/me", headers=_bearer(token)).status_code == 200


def test_a_too_short_new_password_is_refused(auth_server: AuthServer):
    answer = _http.put(
        f"{auth_server.url}/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "short"},
        headers=_bearer(auth_server.token("member")),
    )

    assert answer.status_code == 422


def test_a_user_makes_uses_and_revokes_a_key_of_their_own(auth_server: AuthServer):
    headers = _bearer(auth_server.token("viewer"))
    base = f"{auth_server.url}/api/v1/me/api-keys"

    created = _http.post(base, json={"name": "laptop"}, headers=headers)
    key = created.json()["key"]
    as_key = _http.get(f"{auth_server.url}/api/v1/me", headers=_bearer(key))
    listed = _http.get(base, headers=headers).json()["items"]
    revoked = _http.post(f"{base}/{created.json()['id']}/revoke", headers=headers)
    after = _http.get(f"{auth_server.url}/api/v1/me", headers=_bearer(key))

    assert created.status_code == 201, created.text
    assert as_key.json()["name"] == "viewer"
    assert [k["name"] for k in listed] == ["laptop"]
    assert "key" not in listed[0]
    assert revoked.json()["status"] == "revoked"
    assert after.status_code == 401


def test_a_personal_key_acts_with_the_users_role(auth_server: AuthServer):
    headers = _bearer(auth_server.token("viewer"))
    key = _http.post(
        f"{auth_server.url}/api/v1/me/api-keys", json={"name": "ci"}, headers=headers
    ).json()["key"]

    answer = _http.post(f"{auth_server.url}/api/v1/teams", json={"name": "t"}, headers=_bearer(key))

    assert answer.status_code == 403


def test_a_user_sees_and_revokes_only_their_own_keys(auth_server: AuthServer):
    base = f"{auth_server.url}/api/v1/me/api-keys"
    mine = _http.post(base, json={}, headers=_bearer(auth_server.token("member"))).json()
    theirs = _bearer(auth_server.token("viewer"))

    listed = _http.get(base, headers=theirs).json()["items"]
    revoke = _http.post(f"{base}/{mine['id']}/revoke", headers=theirs)

    assert listed == []
    assert revoke.status_code == 404
    assert "You hold no API key" in revoke.json()["message"]


@pytest.mark.parametrize(
    ("method", "path"),
    [("PUT", "/me/password"), ("GET", "/me/api-keys"), ("POST", "/me/api-keys")],
)
def test_local_mode_has_no_account_to_change(api: httpx.Client, method: str, path: str):
    body = {"current_password": "x", "new_password": NEW_PASSWORD} if method == "PUT" else {}

    answer = api.request(method, path, json=body if method != "GET" else None)

    assert answer.status_code == 400
    assert answer.json()["code"] == "login_not_required"


def test_the_changes_are_in_the_audit_trail_by_name(auth_server: AuthServer):
    _change(auth_server, auth_server.token("member"))
    _http.post(
        f"{auth_server.url}/api/v1/me/api-keys",
        json={"name": "laptop"},
        headers=_bearer(auth_server.token("member", NEW_PASSWORD)),
    )

    events = _http.get(
        f"{auth_server.url}/api/v1/audit-events",
        params={"user": "member"},
        headers=_bearer(auth_server.token("admin")),
    ).json()["items"]

    assert [(e["operation"], e["resource_name"]) for e in events] == [
        ("create_my_api_key", "laptop"),
        ("change_my_password", "member"),
    ]
