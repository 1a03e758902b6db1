"""Who sees whom: lists of users, teams and roles limited to what a caller's role may see.

Server admins see everything. Anyone else sees themselves, their own teams, and the
users, teams and custom roles of the projects whose members they may read.
"""

from __future__ import annotations

import httpx
import pytest

from headwater.server.passwords import hash_password
from headwater.session import get_session
from headwater.store.access_models import (
    Grant,
    PrincipalKind,
    ProjectCreate,
    RoleCreate,
    TeamCreate,
)
from headwater.store.logins import ServerRole
from tests.server.auth_fixtures import PASSWORD, AuthServer, logins

BUILT_IN = {"admin", "developer", "contributor", "viewer"}


@pytest.fixture
def directory(auth_server: AuthServer) -> AuthServer:
    """ana (viewer of 'shared'), bo (in team 'crew', which holds 'runner' there), cy apart."""
    store = get_session().store
    for name in ("ana", "bo", "cy"):
        logins(store).save_login(name, hash_password(PASSWORD), ServerRole.VIEWER)
    store.create_project(ProjectCreate(name="shared"))
    store.create_project(ProjectCreate(name="apart"))
    store.create_team(TeamCreate(name="ana-only", members=("ana",)))
    store.create_team(TeamCreate(name="crew", members=("bo",)))
    store.create_team(TeamCreate(name="cy-team", members=("cy",)))
    store.create_role(RoleCreate(name="runner", permissions=("run:read", "run:create")))
    store.create_role(RoleCreate(name="secretive", permissions=("secret:read",)))
    store.grant_project_role("shared", Grant(kind=PrincipalKind.USER, name="ana", role="viewer"))
    store.grant_project_role("shared", Grant(kind=PrincipalKind.TEAM, name="crew", role="runner"))
    store.grant_project_role("apart", Grant(kind=PrincipalKind.USER, name="cy", role="secretive"))
    return auth_server


def _get(server: AuthServer, user: str, path: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {server.token(user)}"}
    return httpx.get(f"{server.url}/api/v1{path}", headers=headers, params={"size": 100})


def _user_names(server: AuthServer, user: str) -> set[str]:
    return {u["name"] for u in _get(server, user, "/users").json()["items"]}


def test_a_viewer_lists_only_the_users_of_their_projects_and_teams(directory: AuthServer):
    names = _user_names(directory, "ana")

    assert {"ana", "bo"} <= names
    assert "cy" not in names
    assert "admin" not in names


def test_a_viewer_lists_only_their_teams_and_those_in_their_projects(directory: AuthServer):
    teams = {t["name"] for t in _get(directory, "ana", "/teams").json()}

    assert teams == {"ana-only", "crew"}


def test_a_viewer_lists_built_in_roles_and_the_custom_roles_used_in_their_projects(
    directory: AuthServer,
):
    roles = {r["name"] for r in _get(directory, "ana", "/roles").json()}

    assert roles == BUILT_IN | {"runner"}


def test_a_hidden_team_answers_404(directory: AuthServer):
    answer = _get(directory, "ana", "/teams/cy-team")

    assert answer.status_code == 404
    assert "that you can see" in answer.json()["message"]


def test_a_server_admin_lists_everyone(directory: AuthServer):
    names = _user_names(directory, "admin")
    teams = {t["name"] for t in _get(directory, "admin", "/teams").json()}
    roles = {r["name"] for r in _get(directory, "admin", "/roles").json()}

    assert {"ana", "bo", "cy", "admin"} <= names
    assert {"ana-only", "crew", "cy-team"} <= teams
    assert {"runner", "secretive"} <= roles
