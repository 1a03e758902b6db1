"""Custom roles edited in place, and the reach previewed before a change: who holds a
role, and in which projects."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.server.auth_fixtures import AuthServer


def _client(auth_server: AuthServer, user: str) -> httpx.Client:
    headers = {"Authorization": f"Bearer {auth_server.token(user)}"}
    return httpx.Client(base_url=f"{auth_server.url}/api/v1", headers=headers, timeout=30)


@pytest.fixture
def admin(auth_server: AuthServer) -> Iterator[httpx.Client]:
    """An HTTP client logged in as the admin, with paths relative to `/api/v1`."""
    with _client(auth_server, "admin") as client:
        client.post("/roles", json={"name": "auditor", "permissions": ["project:read"]})
        yield client


def test_an_edited_role_grants_its_new_permissions_at_once(
    auth_server: AuthServer, admin: httpx.Client
):
    admin.post("/projects", json={"name": "lab"})
    admin.put("/projects/lab/members", json={"kind": "user", "name": "viewer", "role": "auditor"})
    with _client(auth_server, "viewer") as viewer:
        before = viewer.get("/audit-events", params={"project_id": _id(admin, "lab")})
        edited = admin.put("/roles/auditor", json={"permissions": ["project:read", "audit:read"]})
        after = viewer.get("/audit-events", params={"project_id": _id(admin, "lab")})

    assert edited.status_code == 200
    assert edited.json()["permissions"] == ["audit:read", "project:read"]
    assert before.json()["total"] == 0
    assert after.json()["total"] > 0


def _id(client: httpx.Client, project: str) -> str:
    return str(client.get(f"/projects/{project}").json()["id"])


def test_the_trail_names_the_role_each_change_was_made_to(admin: httpx.Client):
    admin.put("/roles/auditor", json={"permissions": ["run:read"]})
    admin.delete("/roles/auditor")

    events = admin.get("/audit-events", params={"resource": "role"}).json()["items"]

    assert [(e["operation"], e["resource_id"]) for e in events] == [
        ("delete_role", "auditor"),
        ("update_role", "auditor"),
        ("create_role", "auditor"),
    ]


def test_a_built_in_role_cannot_be_edited(admin: httpx.Client):
    answer = admin.put("/roles/viewer", json={"permissions": ["run:read"]})

    assert answer.status_code == 409
    assert "built in" in answer.json()["message"]


def test_an_unknown_permission_is_refused_by_name(admin: httpx.Client):
    answer = admin.put("/roles/auditor", json={"permissions": ["run:fly"]})

    assert answer.status_code == 422
    assert "run:fly" in answer.text


def test_the_reach_names_who_holds_a_role_and_where(admin: httpx.Client):
    admin.post("/teams", json={"name": "crew", "members": ["member"]})
    for project in ("lab", "ops"):
        admin.post("/projects", json={"name": project})
        admin.put(
            f"/projects/{project}/members", json={"kind": "team", "name": "crew", "role": "auditor"}
        )
    admin.put("/projects/lab/members", json={"kind": "user", "name": "viewer", "role": "auditor"})

    reach = admin.get("/roles/auditor/reach").json()

    assert reach == {
        "role": "auditor",
        "users": ["viewer"],
        "teams": ["crew"],
        "projects": ["lab", "ops"],
    }


def test_the_reach_of_an_unknown_role_is_404(admin: httpx.Client):
    assert admin.get("/roles/nobody/reach").status_code == 404


@pytest.mark.parametrize("role", ["member", "viewer"])
def test_only_those_who_may_change_roles_see_their_reach(auth_server: AuthServer, role: str):
    with _client(auth_server, role) as client:
        reach = client.get("/roles/auditor/reach")
        edited = client.put("/roles/auditor", json={"permissions": ["run:read"]})

    assert (reach.status_code, edited.status_code) == (403, 403)
