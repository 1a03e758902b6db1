"""Filtered pages of a 1,000,000-event audit trail (issue 14: p95 under 300 ms).

Seeds a fresh SQLite home with 1,000,000 audit events spread over 50 users, 40
projects, 6 actions, 8 resource types and 90 days, then times `list_audit_events`
(what `GET /audit-events` runs, count included) for the filters the dashboard's audit
page offers, on the first page and a deep one. Run it alone:

    .venv/bin/python -m benchmarks.audit_trail
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
import uuid

from headwater.session import get_session
from headwater.store.filters import ListQuery
from headwater.store.sql.schema import audit_events
from headwater.store.sql.store import SqlStore

EVENTS = 1_000_000
CHUNK = 50_000
REPEATS = 30
ACTIONS = ("create", "update", "delete", "manage", "promote", "read")
RESOURCES = ("run", "step", "model_version", "stack", "component", "member", "team", "role")
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _seed(store: SqlStore, projects: list[uuid.UUID]) -> None:
    chooser = random.Random(14)
    users = [(uuid.uuid4(), f"user-{i}") for i in range(50)]
    with store._write() as connection:  # a benchmark may seed below the public API
        for first in range(0, EVENTS, CHUNK):
            rows = []
            for index in range(first, first + CHUNK):
                user_id, name = chooser.choice(users)
                rows.append(
                    {
                        "created": START + dt.timedelta(seconds=index * 7.776),
                        "user_id": user_id,
                        "user_name": name,
                        "action": chooser.choice(ACTIONS),
                        "resource": chooser.choice(RESOURCES),
                        "resource_id": str(index),
                        "project_id": chooser.choice(projects),
                        "operation": "benchmark",
                    }
                )
            connection.execute(audit_events.insert(), rows)


def _cases(projects: list[uuid.UUID]) -> dict[str, dict[str, object]]:
    week = f"gte:{(START + dt.timedelta(days=40)).isoformat()}"
    return {
        "no filter": {},
        "actor": {"user": "user-7"},
        "action + resource type": {"action": "delete", "resource": "model_version"},
        "project": {"project_id": str(projects[3])},
        "time range (since day 40)": {"created": week},
        "actor + project + action": {
            "user": "user-7",
            "project_id": str(projects[3]),
            "action": "update",
        },
    }


def _p95_ms(store: SqlStore, filters: dict[str, object], page: int) -> float:
    times = []
    for _ in range(REPEATS):
        query = ListQuery(filters=filters, index=page, size=50)
        start = time.perf_counter()
        store.list_audit_events(query)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.quantiles(times, n=20)[18]


def main() -> None:
    """Seed the trail, then print the p95 of each filtered page."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["HEADWATER_HOME"] = home
        store = get_session().store
        assert isinstance(store, SqlStore)
        projects = [uuid.uuid4() for _ in range(40)]
        began = time.perf_counter()
        _seed(store, projects)
        print(f"seeded {EVENTS:,} events in {time.perf_counter() - began:.0f} s")
        for case, filters in _cases(projects).items():
            first = _p95_ms(store, filters, 1)
            deep = _p95_ms(store, filters, 20)
            print(f"{case:>28}: p95 page 1 {first:6.1f} ms, page 20 {deep:6.1f} ms")


if __name__ == "__main__":
    main()
