"""What checking project roles costs a request: a server admin (no checks) against a
project developer (roles read, entity located, lists scoped) on the same routes.

Seeds two projects of 2,000 runs each in a fresh SQLite home, serves it in server mode
on a loopback port, and times list-runs, get-run and a heartbeat (a write, so also its
audit event) for both users. Run it alone:

    .venv/bin/python -m benchmarks.access
"""

from __future__ import annotations

import os
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable

import httpx

from headwater.server.app import create_app
from headwater.server.passwords import hash_password
from headwater.server.serving import BackgroundServer
from headwater.session import get_session
from headwater.store.access_models import Grant, ProjectCreate
from headwater.store.logins import ServerRole
from headwater.store.models import RunCreate
from headwater.store.sql.store import SqlStore

RUNS_PER_PROJECT = 2_000
REQUESTS = 300
PASSWORD = "benchmark password"


def _seed(store: SqlStore) -> dict[str, str]:
    store.save_login("admin", hash_password(PASSWORD), ServerRole.ADMIN)
    store.save_login("dev", hash_password(PASSWORD), ServerRole.VIEWER)
    run_ids = {}
    for project in ("alpha", "beta"):
        store.create_project(ProjectCreate(name=project))
        for index in range(RUNS_PER_PROJECT):
            run = store.create_run(
                RunCreate(
                    pipeline_name="bench",
                    spec_hash="h",
                    spec={"steps": []},
                    name=f"bench-{project}-{index}",
                    project_name=project,
                )
            )
        run_ids[project] = str(run.id)
    store.grant_project_role("alpha", Grant(name="dev", role="developer"))
    return run_ids


def _median_ms(call: Callable[[], httpx.Response]) -> float:
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        answer = call()
        times.append((time.perf_counter() - start) * 1000)
        answer.raise_for_status()
    return statistics.median(times)


def main() -> None:
    """Print the median latency of three routes for a server admin and a developer."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["HEADWATER_HOME"] = home
        session = get_session()
        assert isinstance(session.store, SqlStore)
        run_ids = _seed(session.store)
        app = create_app(session, token_secret=secrets.token_bytes(32))
        with BackgroundServer(app) as server, httpx.Client(base_url=server.url) as client:
            for user in ("admin", "dev"):
                login = {"username": user, "password": PASSWORD}
                token = client.post("/api/v1/login", json=login).json()["access_token"]
                figures = _time_routes(client, {"Authorization": f"Bearer {token}"}, run_ids)
                shown = ", ".join(f"{name} {ms:.1f} ms" for name, ms in figures.items())
                print(f"{user:>5}: {shown}")


def _time_routes(
    client: httpx.Client, headers: dict[str, str], run_ids: dict[str, str]
) -> dict[str, float]:
    run = run_ids["alpha"]
    return {
        "list runs": _median_ms(lambda: client.get("/api/v1/runs", headers=headers)),
        "get run": _median_ms(lambda: client.get(f"/api/v1/runs/{run}", headers=headers)),
        "heartbeat": _median_ms(
            lambda: client.post(f"/api/v1/runs/{run}/heartbeat", headers=headers)
        ),
    }


if __name__ == "__main__":
    main()
