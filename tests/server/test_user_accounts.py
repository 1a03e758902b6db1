"""User accounts as server admins manage them: listed, their server role changed, and
deactivated (which ends their tokens); nobody else may."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.server.auth_fixtures import PASSWORD, AuthServer


def _client(auth_server: AuthServer, user: str) -> httpx.Client:
    headers = {"Authorization": f"Bearer {auth_server.token(user)}"}
    return httpx.Client(base_url=f"{auth_server.url}/api/v1", headers=headers, timeout=30)


@pytest.fixture
def admin(auth_server: AuthServer) -> Iterator[httpx.Client]:
    """An HTTP client logged in as the admin, with paths relative to `/api/v1`."""
    with _client(auth_server, "admin") as client:
        yield client


def test_an_admin_lists_who_logs_in_with_their_server_roles(admin: httpx.Client):
    admin.post("/service-accounts", json={"name": "ci"})

    listed = admin.get("/user-accounts").json()["items"]

    # Service accounts have their own list: only people are here.
    assert [(u["name"], u["role"], u["deactivated"]) for u in listed] == [
        ("admin", "admin", None),
        ("member", "member", None),
        ("viewer", "viewer", None),
    ]


def test_a_changed_server_role_holds_at_the_users_next_request(
    auth_server: AuthServer, admin: httpx.Client
):
    with _client(auth_server, "viewer") as viewer:
        before = viewer.post("/projects", json={"name": "lab"})
        changed = admin.put("/users/viewer/role", json={"role": "member"})
        after = viewer.post("/projects", json={"name": "lab"})

    assert (before.status_code, changed.status_code, after.status_code) == (403, 200, 201)
    assert changed.json()["role"] == "member"


def test_a_deactivated_user_is_logged_out_and_cannot_log_in(
    auth_server: AuthServer, admin: httpx.Client
):
    with _client(auth_server, "member") as member:
        done = admin.post("/users/member/deactivate")
        refused = member.get("/runs")
    login = httpx.post(
        f"{auth_server.url}/api/v1/login", json={"username": "member", "password": PASSWORD}
    )

    assert done.status_code == 200
    assert done.json()["deactivated"] is not None
    assert (refused.status_code, login.status_code) == (401, 401)


def test_a_new_password_lets_a_deactivated_user_back_in(
    auth_server: AuthServer, admin: httpx.Client
):
    admin.post("/users/member/deactivate")

    admin.post("/users", json={"name": "member", "password": PASSWORD, "role": "member"})

    assert auth_server.token("member")
    listed = {u["name"]: u["deactivated"] for u in admin.get("/user-accounts").json()["items"]}
    assert listed["member"] is None


@pytest.mark.parametrize("change", ["role", "deactivate"])
def test_an_admin_cannot_demote_or_deactivate_themselves(admin: httpx.Client, change: str):
    if change == "role":
        answer = admin.put("/users/admin/role", json={"role": "viewer"})
    else:
        answer = admin.post("/users/admin/deactivate")

    assert answer.status_code == 400
    assert "ask another server admin" in answer.json()["message"]


def test_an_unknown_user_answers_404_with_how_to_list_them(admin: httpx.Client):
    answer = admin.put("/users/nobody/role", json={"role": "viewer"})

    assert answer.status_code == 404
    assert "headwater users list" in answer.json()["message"]


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_only_admins_list_or_change_user_accounts(auth_server: AuthServer, role: str):
    with _client(auth_server, role) as client:
        listed = client.get("/user-accounts")
        changed = client.put("/users/admin/role", json={"role": "viewer"})
        ended = client.post("/users/admin/deactivate")

    assert (listed.status_code, changed.status_code, ended.status_code) == (403, 403, 403)


def test_each_change_is_in_the_audit_trail(admin: httpx.Client):
    admin.put("/users/viewer/role", json={"role": "member"})
    admin.post("/users/viewer/deactivate")

    events = admin.get("/audit-events", params={"user": "admin"}).json()["items"]

    assert {e["operation"] for e in events} >= {"set_user_role", "deactivate_user"}
