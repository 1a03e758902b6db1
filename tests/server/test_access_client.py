"""The Client and CLI managing a server's projects, teams, roles and audit trail over REST."""

from __future__ import annotations

import pytest

from headwater import Client
from headwater.errors import HeadwaterError
from tests.cli.invoke import run_headwater
from tests.server.auth_fixtures import PASSWORD, AuthServer


@pytest.fixture
def logged_in(auth_server: AuthServer, capsys, monkeypatch):
    """Log this test's home in to the server as `user` (a function)."""

    def log_in(user: str) -> None:
        from headwater.session import close_sessions

        close_sessions()
        result = run_headwater(
            capsys,
            monkeypatch,
            "login",
            auth_server.url,
            "--username",
            user,
            "--password",
            PASSWORD,
        )
        assert result.exit_code == 0, result.stderr

    return log_in


def test_a_member_creates_a_project_grants_a_role_and_the_admin_reads_the_trail(logged_in):
    logged_in("member")
    client = Client()
    client.create_project("vision")
    client.grant_project_role("viewer", user="viewer", project="vision")
    members = client.list_project_members("vision")

    logged_in("admin")
    trail = Client().list_audit_events(resource="member")

    assert [(m.principal_name, m.role) for m in members] == [
        ("member", "admin"),
        ("viewer", "viewer"),
    ]
    assert [(e.user_name, e.action, e.resource_id) for e in trail.items] == [
        ("member", "manage", "vision")
    ]


def test_teams_and_roles_are_managed_by_a_server_admin_only(logged_in):
    logged_in("admin")
    Client().create_team("ml", ["member"])
    Client().create_role("auditor", ["run:read", "audit:read"])

    logged_in("member")
    teams = Client().list_teams()
    roles = [r.name for r in Client().list_roles()]
    with pytest.raises(HeadwaterError, match="may not 'team:create'"):
        Client().create_team("other")

    assert [(t.name, t.members) for t in teams] == [("ml", ("member",))]
    # Granted in none of the member's projects, the custom role is not theirs to see.
    assert roles == ["admin", "developer", "contributor", "viewer"]


def test_an_admin_edits_a_custom_role_from_the_client(logged_in):
    logged_in("admin")
    client = Client()
    client.create_role("auditor", ["project:read"])

    edited = client.update_role("auditor", ["project:read", "audit:read"])

    assert edited.permissions == ("audit:read", "project:read")
    assert client.get_role("auditor").permissions == ("audit:read", "project:read")
    with pytest.raises(HeadwaterError, match="run:fly"):
        client.update_role("auditor", ["run:fly"])
