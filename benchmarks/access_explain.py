"""What `GET /access/explain` costs (issue 14 asks for under 100 ms), on a busy server.

Seeds a fresh SQLite home with 300 users, 30 teams of 10, 60 projects and a grant to a
user and a team in each, plus custom roles; serves it in server mode on a loopback port,
and times the explainer for a server admin asking about a team member (a custom role
through a team) and for that member asking about themselves. Run it alone:

    .venv/bin/python -m benchmarks.access_explain
"""

from __future__ import annotations

import os
import secrets
import statistics
import tempfile
import time

import httpx

from headwater.server.app import create_app
from headwater.server.passwords import hash_password
from headwater.server.serving import BackgroundServer
from headwater.session import get_session
from headwater.store.access_models import (
    Grant,
    PrincipalKind,
    ProjectCreate,
    RoleCreate,
    TeamCreate,
)
from headwater.store.logins import ServerRole
from headwater.store.sql.store import SqlStore

USERS, TEAMS, PROJECTS = 300, 30, 60
REQUESTS = 300
PASSWORD = "benchmark password"


def _seed(store: SqlStore) -> None:
    password_hash = hash_password(PASSWORD)
    store.save_login("admin", password_hash, ServerRole.ADMIN)
    for index in range(USERS):
        store.save_login(f"user-{index}", password_hash, ServerRole.VIEWER)
    for index in range(TEAMS):
        members = tuple(f"user-{index * 10 + offset}" for offset in range(10))
        store.create_team(TeamCreate(name=f"team-{index}", members=members))
    store.create_role(RoleCreate(name="runner", permissions=("run:read", "run:create")))
    for index in range(PROJECTS):
        project = f"project-{index}"
        store.create_project(ProjectCreate(name=project))
        store.grant_project_role(project, Grant(name=f"user-{index}", role="viewer"))
        team = Grant(kind=PrincipalKind.TEAM, name=f"team-{index % TEAMS}", role="runner")
        store.grant_project_role(project, team)


def _times_ms(client: httpx.Client, token: str, params: dict[str, str]) -> list[float]:
    headers = {"Authorization": f"Bearer {token}"}
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        answer = client.get("/api/v1/access/explain", params=params, headers=headers)
        times.append((time.perf_counter() - start) * 1000)
        answer.raise_for_status()
    return times


def main() -> None:
    """Print the median and p95 latency of the explainer for an admin and a member."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["HEADWATER_HOME"] = home
        session = get_session()
        assert isinstance(session.store, SqlStore)
        _seed(session.store)
        app = create_app(session, token_secret=secrets.token_bytes(32))
        question = {"user": "user-5", "permission": "run:create", "resource": "project-30"}
        with BackgroundServer(app) as server, httpx.Client(base_url=server.url) as client:
            for asker in ("admin", "user-5"):
                login = {"username": asker, "password": PASSWORD}
                token = client.post("/api/v1/login", json=login).json()["access_token"]
                times = _times_ms(client, token, question)
                p95 = statistics.quantiles(times, n=20)[18]
                print(
                    f"{asker:>7} asks: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms"
                )


if __name__ == "__main__":
    main()
