"""`headwater access explain USER PERMISSION RESOURCE` against a real server."""

from __future__ import annotations

import json
import subprocess
import sys

from headwater.session import get_session
from headwater.store.access_models import Grant, ProjectCreate
from tests.server.auth_fixtures import PASSWORD, AuthServer


def _headwater(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _logged_in_as_admin(auth_server: AuthServer) -> None:
    store = get_session().store
    store.create_project(ProjectCreate(name="ml"))
    store.grant_project_role("ml", Grant(name="viewer", role="developer"))
    done = _headwater("login", auth_server.url, "--username", "admin", "--password", PASSWORD)
    assert done.returncode == 0, done.stderr


def test_explain_names_the_grant_that_allows_it(auth_server: AuthServer):
    _logged_in_as_admin(auth_server)

    done = _headwater("access", "explain", "viewer", "run:delete", "ml")

    assert done.returncode == 0, done.stderr
    assert "role 'developer' granted to them" in " ".join(done.stdout.split())


def test_explain_exits_1_when_nothing_allows_it(auth_server: AuthServer):
    _logged_in_as_admin(auth_server)

    done = _headwater("access", "explain", "viewer", "run:delete", "default", "--output", "json")

    assert done.returncode == 1
    assert json.loads(done.stdout)["allowed"] is False


def test_a_bad_permission_is_one_error_line(auth_server: AuthServer):
    _logged_in_as_admin(auth_server)

    done = _headwater("access", "explain", "viewer", "run-delete", "ml")

    assert done.returncode != 0
    assert done.stderr.strip().startswith("Error:")
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
