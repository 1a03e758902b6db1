"""`headwater projects`, `teams` and `roles` on the terminal, and the active project."""

from __future__ import annotations

import pytest

from headwater import Client
from headwater.config import PROJECT_VARIABLE
from tests.pipelines.linear import linear


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Tables wide enough that names are never cut."""
    monkeypatch.setenv("COLUMNS", "250")


def test_runs_are_recorded_in_and_listed_from_the_active_project(headwater):
    linear(n=1)
    created = headwater("projects", "create", "vision")
    chosen = headwater("projects", "set", "vision")

    linear(n=2)
    current = headwater("projects", "current")
    listed = Client().list_pipeline_runs()
    projects = headwater("projects", "list", "-o", "json").json()

    vision = Client().get_project("vision")
    assert created.exit_code == 0, created.stderr
    assert chosen.exit_code == 0, chosen.stderr
    assert current.stdout.strip() == "vision"
    assert [run.model.project_id for run in listed.items] == [vision.id]
    assert sorted(p["name"] for p in projects["items"]) == ["default", "vision"]


def test_the_project_variable_wins_over_the_saved_project(headwater, monkeypatch):
    headwater("projects", "create", "vision")
    headwater("projects", "create", "audio")
    headwater("projects", "set", "vision")
    monkeypatch.setenv(PROJECT_VARIABLE, "audio")

    linear(n=1)

    audio = Client().get_project("audio")
    assert Client().active_project == "audio"
    assert [run.model.project_id for run in Client().list_pipeline_runs().items] == [audio.id]
    assert Client().list_pipeline_runs(project_id=str(Client().get_project("vision").id)).total == 0


def test_a_user_and_a_team_are_granted_roles_and_listed_as_members(headwater):
    linear(n=1)  # makes the user 'default'
    headwater("projects", "create", "vision")
    team = headwater("teams", "create", "ml", "default")

    user_grant = headwater("projects", "grant", "developer", "--user", "default", "-p", "vision")
    team_grant = headwater("projects", "grant", "viewer", "--team", "ml", "-p", "vision")
    members = headwater("projects", "members", "vision", "-o", "json").json()
    revoked = headwater("projects", "revoke", "--team", "ml", "-p", "vision")
    after = headwater("projects", "members", "vision", "-o", "json").json()

    assert team.exit_code == 0, team.stderr
    assert "is now 'developer' in project 'vision'" in user_grant.stdout
    assert team_grant.exit_code == 0, team_grant.stderr
    assert [(m["principal_name"], m["kind"], m["role"]) for m in members] == [
        ("default", "user", "developer"),
        ("ml", "team", "viewer"),
    ]
    assert revoked.exit_code == 0, revoked.stderr
    assert [m["principal_name"] for m in after] == ["default"]


def test_custom_roles_are_created_listed_and_deleted(headwater):
    created = headwater("roles", "create", "auditor", "run:read", "audit:read")
    listed = headwater("roles", "list", "-o", "json").json()
    deleted = headwater("roles", "delete", "auditor")

    assert created.exit_code == 0, created.stderr
    assert [r["name"] for r in listed] == ["admin", "developer", "contributor", "viewer", "auditor"]
    assert deleted.exit_code == 0, deleted.stderr
    assert [r.name for r in Client().list_roles()] == [
        "admin",
        "developer",
        "contributor",
        "viewer",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("projects", "grant", "boss", "--user", "default", "-p", "default"),
            "No role named 'boss'",
        ),
        (("projects", "set", "nowhere"), "No project with id or name 'nowhere'"),
        (("projects", "grant", "viewer"), "Name either a user or a team"),
        (("roles", "create", "odd", "run:fly"), "'run:fly'"),
        (("projects", "delete", "default"), "cannot be deleted"),
    ],
)
def test_bad_access_commands_fail_with_one_line(headwater, args, message):
    linear(n=1)

    result = headwater(*args)

    assert result.exit_code != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
