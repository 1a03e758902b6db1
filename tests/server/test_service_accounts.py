"""Service accounts: made, listed and deactivated by admins; never logged in by password."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.server.auth_fixtures import AuthServer


@pytest.fixture
def admin(auth_server: AuthServer) -> Iterator[httpx.Client]:
    """An HTTP client logged in as the admin, with paths relative to `/api/v1`."""
    headers = {"Authorization": f"Bearer {auth_server.token('admin')}"}
    with httpx.Client(base_url=f"{auth_server.url}/api/v1", headers=headers) as client:
        yield client


def test_an_admin_creates_a_service_account_with_the_member_role_by_default(
    admin: httpx.Client,
):
    created = admin.post("/service-accounts", json={"name": "ci", "description": "nightly"})
    listed = admin.get("/service-accounts").json()["items"]

    assert created.status_code == 201
    assert (created.json()["role"], created.json()["deactivated"]) == ("member", None)
    assert [(a["name"], a["description"]) for a in listed] == [("ci", "nightly")]


def test_a_service_account_cannot_log_in_with_a_password(
    auth_server: AuthServer, admin: httpx.Client
):
    admin.post("/service-accounts", json={"name": "ci"})

    for password in ("", "x", "correct horse battery"):
        answer = httpx.post(
            f"{auth_server.url}/api/v1/login", json={"username": "ci", "password": password}
        )
        assert answer.status_code in (401, 422)
        assert "access_token" not in answer.json()


def test_a_name_taken_by_a_user_is_a_conflict(admin: httpx.Client):
    answer = admin.post("/service-accounts", json={"name": "member"})

    assert answer.status_code == 409
    assert "'member' already exists" in answer.json()["message"]


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_only_admins_see_or_manage_service_accounts(auth_server: AuthServer, role: str):
    headers = {"Authorization": f"Bearer {auth_server.token(role)}"}

    with httpx.Client(base_url=f"{auth_server.url}/api/v1", headers=headers) as client:
        listed = client.get("/service-accounts")
        created = client.post("/service-accounts", json={"name": "ci"})

    assert (listed.status_code, created.status_code) == (403, 403)
    assert "may not 'user:manage'" in listed.json()["message"]


def test_a_deactivated_service_account_is_listed_as_such(admin: httpx.Client):
    admin.post("/service-accounts", json={"name": "ci"})

    done = admin.post("/service-accounts/ci/deactivate")

    assert done.status_code == 200
    assert done.json()["deactivated"] is not None
    assert admin.get("/service-accounts/ci").json()["deactivated"] is not None


def test_an_unknown_service_account_is_a_404_that_says_how_to_list_them(admin: httpx.Client):
    answer = admin.post("/service-accounts/nobody/deactivate")

    assert answer.status_code == 404
    assert "headwater service-accounts list" in answer.json()["message"]
