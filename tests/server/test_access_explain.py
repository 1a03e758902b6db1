"""`GET /access/explain` and `/access/effective-permissions`: why a user may do something,
answered from the tables the access check enforces, and never in disagreement with it."""

from __future__ import annotations

import httpx
import pytest

from headwater.server.access import load_caller
from headwater.server.passwords import hash_password
from headwater.server.permission_explainer import explain, is_server_permission
from headwater.session import get_session
from headwater.store.access_models import (
    Grant,
    PrincipalKind,
    ProjectCreate,
    RoleCreate,
    TeamCreate,
)
from headwater.store.logins import ServerRole
from headwater.store.permissions import Action, Permission, Resource
from tests.server.auth_fixtures import PASSWORD, AuthServer, logins

RUNNER = ("run:read", "run:create", "project:read")


@pytest.fixture
def explainer(auth_server: AuthServer) -> AuthServer:
    """'bo' is in team 'crew', which holds custom role 'runner' in 'ml'; 'ana' views 'ml'."""
    store = get_session().store
    for name in ("ana", "bo", "cy"):
        logins(store).save_login(name, hash_password(PASSWORD), ServerRole.VIEWER)
    store.create_project(ProjectCreate(name="ml"))
    store.create_project(ProjectCreate(name="other"))
    store.create_team(TeamCreate(name="crew", members=("bo",)))
    store.create_role(RoleCreate(name="runner", permissions=RUNNER))
    store.grant_project_role("ml", Grant(kind=PrincipalKind.TEAM, name="crew", role="runner"))
    store.grant_project_role("ml", Grant(name="ana", role="viewer"))
    store.grant_project_role("other", Grant(name="cy", role="admin"))
    return auth_server


def _explain(server: AuthServer, caller: str, **params: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {server.token(caller)}"}
    return httpx.get(f"{server.url}/api/v1/access/explain", params=params, headers=headers)


def test_a_team_members_custom_role_is_named_as_the_reason(explainer: AuthServer):
    answer = _explain(explainer, "admin", user="bo", permission="run:create", resource="ml")

    body = answer.json()
    assert answer.status_code == 200
    assert body["allowed"] is True
    assert body["grants"] == [
        {
            "source": "team",
            "role": "runner",
            "is_custom_role": True,
            "team": "crew",
            "project": "ml",
        }
    ]
    assert "custom role 'runner' of team 'crew'" in body["summary"]


def test_nothing_granting_a_permission_says_so(explainer: AuthServer):
    answer = _explain(explainer, "admin", user="bo", permission="run:delete", resource="ml")

    assert answer.json()["allowed"] is False
    assert answer.json()["grants"] == []
    assert "none of their roles grants it" in answer.json()["summary"]


def test_an_entity_is_explained_through_its_project(explainer: AuthServer):
    project_id = str(get_session().store.get_project("ml").id)

    answer = _explain(
        explainer, "admin", user="ana", permission="run:read", resource=f"project:{project_id}"
    )

    assert answer.json()["scope"] == "ml"
    assert answer.json()["grants"][0]["source"] == "direct"


def test_a_server_permission_is_explained_by_the_server_role(explainer: AuthServer):
    member = _explain(explainer, "admin", user="member", permission="project:create")
    viewer = _explain(explainer, "admin", user="viewer", permission="project:create")

    assert member.json()["grants"] == [
        {
            "source": "server_role",
            "role": "member",
            "is_custom_role": False,
            "team": None,
            "project": None,
        }
    ]
    assert viewer.json()["allowed"] is False


def test_the_explainer_agrees_with_the_access_check_for_every_permission(explainer: AuthServer):
    store = get_session().store
    state = explainer.app.state.headwater  # type: ignore[attr-defined]
    disagreements = []

    for name in ("ana", "bo", "cy", "member", "viewer", "admin"):
        login = logins(store).find_login(name)
        assert login is not None
        caller = load_caller(state, login)
        for project in ("ml", "other", "default"):
            found = store.get_project(project) if project != "default" else None
            project_id = found.id if found else caller.default_project_id
            if project_id is None:
                continue
            for resource in Resource:
                for action in Action:
                    permission = Permission(resource, action)
                    said = explain(store, login, permission, (project_id, project)).allowed
                    enforced = (
                        caller.may_on_server(permission)
                        if is_server_permission(permission)
                        else permission in caller.permissions_in(project_id)
                    )
                    if said != enforced:
                        disagreements.append((name, project, str(permission), said, enforced))

    assert disagreements == []


def test_a_viewer_cannot_ask_about_a_user_it_cannot_see(explainer: AuthServer):
    answer = _explain(explainer, "ana", user="cy", permission="run:read", resource="other")

    assert answer.status_code == 404
    assert "that you can see" in answer.json()["message"]


def test_a_user_may_ask_about_themselves(explainer: AuthServer):
    answer = _explain(explainer, "bo", user="bo", permission="run:read", resource="ml")

    assert answer.status_code == 200
    assert answer.json()["allowed"] is True


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"user": "bo", "permission": "run:fly", "resource": "ml"}, "is not 'resource:action'"),
        ({"user": "bo", "permission": "run:read", "resource": "server"}, "holds inside a project"),
        ({"user": "bo", "permission": "run:read", "resource": "planet:x"}, "no known kind"),
        ({"user": "nobody", "permission": "run:read", "resource": "ml"}, "No user"),
        ({"user": "bo", "permission": "run:read", "resource": "nowhere"}, "No project"),
    ],
)
def test_bad_questions_answer_a_4xx_saying_what_is_wrong(
    explainer: AuthServer, params: dict[str, str], fragment: str
):
    answer = _explain(explainer, "admin", **params)

    assert 400 <= answer.status_code < 500
    assert fragment in answer.json()["message"]


def test_effective_permissions_are_what_the_access_check_holds(explainer: AuthServer):
    headers = {"Authorization": f"Bearer {explainer.token('admin')}"}

    answer = httpx.get(
        f"{explainer.url}/api/v1/access/effective-permissions",
        params={"user": "bo", "project": "ml"},
        headers=headers,
    )

    assert answer.status_code == 200
    assert answer.json()["permissions"] == sorted(RUNNER)


def test_the_hierarchy_lists_only_projects_whose_members_the_caller_may_read(
    explainer: AuthServer,
):
    headers = {"Authorization": f"Bearer {explainer.token('ana')}"}

    answer = httpx.get(f"{explainer.url}/api/v1/access/hierarchy", headers=headers)

    names = {p["project_name"] for p in answer.json()}
    assert "ml" in names
    assert "other" not in names
