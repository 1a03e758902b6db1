"""Comparing 100 runs x 500 keys: `POST /api/v1/runs/compare` latency, and in-process.

Records `RUNS` runs of one pipeline into a fresh SQLite file, each with one step that
logged `KEYS` metadata values (half of them differing between runs), serves it with
`headwater up` in its own process and times the comparison request, then the same
comparison through `Client.compare_runs` in this process; then the same on a fresh
PostgreSQL database (HEADWATER_BENCH_POSTGRES_URL, by default the machine's server on
127.0.0.1:5432). Run it alone with

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.compare_runs
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import create_engine, make_url, text

from headwater.comparison import compare_runs
from headwater.server import process
from headwater.store.base import Store
from headwater.store.factory import open_store
from headwater.store.metadata import encode_metadata
from headwater.store.models import ExecutionStatus, RunCreate, StepRunCreate, StepRunEnd

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
RUNS = 100
KEYS = 500
REQUESTS = 30


@dataclass(frozen=True)
class CompareFigure:
    """Median and p95 of one way of comparing, in milliseconds."""

    case: str
    rows: int
    median_ms: float
    p95_ms: float


def seed(store: Store) -> list[str]:
    """Record the runs; returns their names."""
    names = []
    for index in range(RUNS):
        run = store.create_run(
            RunCreate(pipeline_name="sweep", spec_hash="h", spec={}, name=f"sweep-{index:03d}")
        )
        store.update_run_status(run.id, ExecutionStatus.RUNNING)
        step = store.start_step(
            StepRunCreate(
                run_id=run.id,
                name="train",
                status=ExecutionStatus.RUNNING,
                cache_key=f"key-{index}",
                cache_components={},
                inputs={},
                parameters={"learning_rate": 0.001 * index, "optimizer": "adam"},
                source_code="def train(): ...",
            )
        )
        values = {f"metric_{k:03d}": (index * k if k % 2 else k) for k in range(KEYS)}
        end = StepRunEnd(status=ExecutionStatus.COMPLETED, metadata=tuple(encode_metadata(values)))
        store.finish_step(step.id, end)
        store.update_run_status(run.id, ExecutionStatus.COMPLETED)
        names.append(run.name)
    return names


def figure(case: str, rows: int, timings: list[float]) -> CompareFigure:
    """Median and p95 of `timings`."""
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return CompareFigure(case, rows, statistics.median(ordered), p95)


def run_all() -> list[CompareFigure]:
    """Seed, serve and time the comparison over HTTP and in-process, on both databases."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        figures = run_on(home, f"sqlite:///{home / 'headwater.db'}", "SQLite")
        with postgres_database() as url:
            figures += run_on(home, url, "PostgreSQL")
    return figures


def run_on(home: Path, url: str, database: str) -> list[CompareFigure]:
    """The figures for one store URL."""
    store = open_store(url)
    names = seed(store)
    runs = [store.get_run(name) for name in names]
    in_process, rows = [], 0
    for _ in range(REQUESTS):
        began = time.perf_counter()
        rows = len(compare_runs(store, runs).rows)
        in_process.append((time.perf_counter() - began) * 1000)
    store.close()
    os.environ.update(HEADWATER_HOME=str(home), HEADWATER_STORE_URL=url)
    server = process.start_background(home, "127.0.0.1", 0)
    try:
        over_http = _time_requests(server.url, names)
        # What the dashboard asks: it works deltas out itself.
        lean = _time_requests(server.url, names, "?deltas=false")
    finally:
        process.stop(server)
    return [
        figure(f"{database}: POST /runs/compare", rows, over_http),
        figure(f"{database}: POST /runs/compare?deltas=false", rows, lean),
        figure(f"{database}: compare_runs in-process", rows, in_process),
    ]


@contextmanager
def postgres_database(purpose: str = "compare") -> Iterator[str]:
    """A new, empty PostgreSQL database named after its `purpose`, dropped afterwards."""
    admin_url = make_url(os.environ.get("HEADWATER_BENCH_POSTGRES_URL", POSTGRES_URL))
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"headwater_bench_{purpose}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _time_requests(url: str, names: list[str], query: str = "") -> list[float]:
    timings = []
    path = f"/runs/compare{query}"
    with httpx.Client(base_url=f"{url}/api/v1", timeout=120) as client:
        client.post(path, json={"runs": names}).raise_for_status()  # warm up
        for _ in range(REQUESTS):
            began = time.perf_counter()
            client.post(path, json={"runs": names}).raise_for_status()
            timings.append((time.perf_counter() - began) * 1000)
    return timings


def main() -> None:
    """Print the figures as a table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Comparing {RUNS} runs x {KEYS} keys")
    for column in ("case", "rows", "median ms", "p95 ms"):
        table.add_column(column, justify="left" if column == "case" else "right")
    for f in run_all():
        table.add_row(f.case, str(f.rows), f"{f.median_ms:.1f}", f"{f.p95_ms:.1f}")
    Console().print(table)


if __name__ == "__main__":
    main()
