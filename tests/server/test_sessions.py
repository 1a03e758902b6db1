"""Browser sessions: an HttpOnly cookie, a CSRF token on unsafe methods, and logging out."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.server.auth_fixtures import PASSWORD, AuthServer

A_RUN = {"pipeline_name": "p", "spec_hash": "h", "spec": {}}


@pytest.fixture
def browser(auth_server: AuthServer) -> Iterator[httpx.Client]:
    """A client that keeps cookies like a browser, logged in as 'member' by a session."""
    with httpx.Client(base_url=f"{auth_server.url}/api/v1", timeout=30) as client:
        answer = client.post("/sessions", json={"username": "member", "password": PASSWORD})
        answer.raise_for_status()
        yield client


def _set_cookies(answer: httpx.Response) -> dict[str, str]:
    """Each Set-Cookie header of an answer, by cookie name."""
    headers = answer.headers.get_list("set-cookie")
    return {header.split("=", 1)[0]: header for header in headers}


def test_a_session_sets_an_http_only_strict_cookie_and_a_readable_csrf_cookie(
    auth_server: AuthServer,
):
    answer = httpx.post(
        f"{auth_server.url}/api/v1/sessions", json={"username": "member", "password": PASSWORD}
    )

    cookies = _set_cookies(answer)
    session, csrf = cookies["headwater_session"], cookies["headwater_csrf"]
    assert answer.status_code == 201
    assert (answer.json()["name"], answer.json()["role"]) == ("member", "member")
    assert "HttpOnly" in session
    assert "SameSite=strict" in session or "SameSite=Strict" in session
    assert "Path=/" in session
    assert "Secure" not in session
    assert "HttpOnly" not in csrf
    assert "SameSite=strict" in csrf or "SameSite=Strict" in csrf


def test_over_https_the_cookies_are_secure(auth_server: AuthServer):
    # uvicorn trusts X-Forwarded-Proto from loopback: what a TLS proxy in front would send.
    answer = httpx.post(
        f"{auth_server.url}/api/v1/sessions",
        json={"username": "member", "password": PASSWORD},
        headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"},
    )

    cookies = _set_cookies(answer)
    assert "Secure" in cookies["headwater_session"]
    assert "Secure" in cookies["headwater_csrf"]


def test_the_cookie_alone_reads(browser: httpx.Client):
    me = browser.get("/me")

    assert me.status_code == 200
    assert (me.json()["name"], me.json()["kind"]) == ("member", "user")
    assert browser.get("/runs").status_code == 200


def test_a_write_with_the_cookie_but_no_csrf_token_is_refused_with_a_clear_message(
    browser: httpx.Client,
):
    missing = browser.post("/runs", json=A_RUN)
    wrong = browser.post("/runs", json=A_RUN, headers={"X-CSRF-Token": "guess"})

    assert (missing.status_code, wrong.status_code) == (403, 403)
    assert missing.json()["code"] == "csrf_failed"
    assert "X-CSRF-Token" in missing.json()["message"]
    assert browser.get("/runs").json()["total"] == 0


def test_a_write_with_the_cookie_and_its_csrf_token_goes_through(browser: httpx.Client):
    token = browser.cookies["headwater_csrf"]

    created = browser.post("/runs", json=A_RUN, headers={"X-CSRF-Token": token})
    run_path = f"/runs/{created.json()['id']}"
    stopped = browser.put(
        f"{run_path}/status", json={"status": "stopped"}, headers={"X-CSRF-Token": token}
    )
    deleted = browser.delete(run_path, headers={"X-CSRF-Token": token})

    assert created.status_code == 201
    assert stopped.status_code == 200
    assert deleted.status_code == 204


def test_a_csrf_token_of_another_session_does_not_fit(auth_server: AuthServer, browser):
    with httpx.Client(base_url=f"{auth_server.url}/api/v1", timeout=30) as other:
        other.post("/sessions", json={"username": "admin", "password": PASSWORD})
        foreign = other.cookies["headwater_csrf"]

    answer = browser.post("/runs", json=A_RUN, headers={"X-CSRF-Token": foreign})

    assert answer.status_code == 403


def test_bearer_tokens_need_no_csrf_token(auth_server: AuthServer):
    headers = {"Authorization": f"Bearer {auth_server.token('member')}"}

    answer = httpx.post(f"{auth_server.url}/api/v1/runs", json=A_RUN, headers=headers)

    assert answer.status_code == 201


def test_logging_out_clears_the_cookies(browser: httpx.Client):
    answer = browser.delete("/sessions")

    assert answer.status_code == 204
    assert "headwater_session" not in browser.cookies
    assert "headwater_csrf" not in browser.cookies
    assert browser.get("/runs").status_code == 401


def test_the_event_stream_works_with_the_cookie(browser: httpx.Client):
    with browser.stream("GET", "/events") as answer:
        status = answer.status_code
        content_type = answer.headers["content-type"]

    assert status == 200
    assert content_type.startswith("text/event-stream")


def test_a_wrong_password_gets_no_cookie(auth_server: AuthServer):
    answer = httpx.post(
        f"{auth_server.url}/api/v1/sessions", json={"username": "member", "password": "nope"}
    )

    assert answer.status_code == 401
    assert answer.json()["message"] == "Wrong username or password."
    assert "set-cookie" not in answer.headers


def test_local_mode_needs_no_session(api: httpx.Client):
    answer = api.post("/sessions", json={"username": "default", "password": "whatever"})

    assert answer.status_code == 400
    assert answer.json()["code"] == "login_not_required"


def test_logging_out_ends_the_session_token_on_the_server(
    auth_server: AuthServer, browser: httpx.Client
):
    session_token = browser.cookies["headwater_session"]

    browser.delete("/sessions")

    replayed = httpx.get(
        f"{auth_server.url}/api/v1/me", cookies={"headwater_session": session_token}
    )
    assert replayed.status_code == 401
    assert "ended" in replayed.json()["message"]


def test_logging_out_leaves_the_users_other_sessions_working(
    auth_server: AuthServer, browser: httpx.Client
):
    other = auth_server.token("member")

    browser.delete("/sessions")

    answer = httpx.get(f"{auth_server.url}/api/v1/me", headers={"Authorization": f"Bearer {other}"})
    assert answer.status_code == 200


def test_logging_out_everywhere_ends_every_token_of_the_user(
    auth_server: AuthServer, browser: httpx.Client
):
    bearer = {"Authorization": f"Bearer {auth_server.token('member')}"}
    others = {"Authorization": f"Bearer {auth_server.token('admin')}"}

    ended = browser.delete(
        "/me/sessions", headers={"X-CSRF-Token": browser.cookies["headwater_csrf"]}
    )

    assert ended.status_code == 204
    assert browser.get("/me").status_code == 401
    assert httpx.get(f"{auth_server.url}/api/v1/me", headers=bearer).status_code == 401
    assert httpx.get(f"{auth_server.url}/api/v1/me", headers=others).status_code == 200
    assert auth_server.token("member")


def test_logging_out_everywhere_is_in_the_audit_trail(
    auth_server: AuthServer, browser: httpx.Client
):
    ended = browser.delete(
        "/me/sessions", headers={"X-CSRF-Token": browser.cookies["headwater_csrf"]}
    )
    admin = {"Authorization": f"Bearer {auth_server.token('admin')}"}
    events = httpx.get(f"{auth_server.url}/api/v1/audit-events", headers=admin).json()["items"]

    assert ended.status_code == 204
    logged_out = [e for e in events if e["operation"] == "end_my_sessions"]
    assert [(e["user_name"], e["action"], e["resource"]) for e in logged_out] == [
        ("member", "update", "user")
    ]
