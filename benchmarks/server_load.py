"""The server under load: list runs with concurrent clients, and lists and DAGs hammered.

Two measurements. `concurrent` (issue 19's aim, in `concurrent_lists.py`): list-runs
latency with 8 client processes asking at once, over 10,000 and 100,000 runs, on SQLite
(`headwater up`) and PostgreSQL (`headwater server start --workers N`).

`hammer`: seeds a SQLite store with 100,000 runs and 1,000,000 step runs (bulk inserts:
one real run copied, then step rows generated inside SQLite), plus one real run of 5,000
chained steps. Serves it with `headwater up` in its own process, starts a second process
that keeps requesting lists and DAGs on two threads, and times requests from this one.

Run both with `make bench-server`, or pick with options (`--help` lists them):

    .venv/bin/python -m benchmarks.server_load --only concurrent --database postgresql \
        --workers 1,2 --runs 10000,100000
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

from benchmarks import concurrent_lists
from benchmarks.listing import seed_runs
from headwater.server import process
from headwater.store.factory import open_store
from headwater.store.models import (
    ArtifactVersionCreate,
    ExecutionStatus,
    RunCreate,
    StepRunCreate,
    StepRunEnd,
)

RUNS = 100_000
STEPS_PER_RUN = 10  # 100,000 runs x 10 = 1,000,000 step runs
DAG_STEPS = 5_000
LIST_REQUESTS = 200
DAG_REQUESTS = 20
LOAD_THREADS = 2


@dataclass(frozen=True)
class LatencyFigure:
    """Median and 99th percentile of one request kind, in milliseconds."""

    case: str
    requests: int
    median_ms: float
    p99_ms: float


def seed(url: str) -> uuid.UUID:
    """Seed runs, step runs and one 5,000-step chained run; return that run's id."""
    seed_runs(url, RUNS)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE runs SET status = 'completed', started = created, ended = created")
        )
        connection.execute(
            text(
                "WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < :last) "
                "INSERT INTO step_runs (id, run_id, name, status, created, started, ended, "
                "cache_key, cache_components, parameters, source_code, cpu_seconds, "
                "peak_memory_bytes) "
                "SELECT lower(hex(randomblob(16))), runs.id, 'step_' || k.n, 'completed', "
                "runs.created, runs.created, runs.created, 'key-' || k.n, '{}', '{}', '', 0.1, "
                "1000 FROM runs CROSS JOIN k"
            ),
            {"last": STEPS_PER_RUN - 1},
        )
    engine.dispose()
    return _record_chain(url)


def _record_chain(url: str) -> uuid.UUID:
    store = open_store(url)
    try:
        run = store.create_run(RunCreate(pipeline_name="wide", spec_hash="wide", spec={}))
        store.update_run_status(run.id, ExecutionStatus.RUNNING)
        previous: uuid.UUID | None = None
        for index in range(DAG_STEPS):
            step = store.start_step(
                StepRunCreate(
                    run_id=run.id,
                    name=f"step_{index}",
                    status=ExecutionStatus.RUNNING,
                    cache_key=f"wide-{index}",
                    cache_components={},
                    parameters={},
                    source_code="",
                    inputs={} if previous is None else {"data": previous},
                )
            )
            output = ArtifactVersionCreate(
                output_name="output",
                artifact_name="data",
                uri=f"/artifacts/{index}",
                content_hash=f"{index:064x}",
                data_type="builtins.int",
                materializer="headwater.artifacts.materializers.builtin.BuiltInMaterializer",
                size_bytes=8,
            )
            finished = store.finish_step(
                step.id, StepRunEnd(status=ExecutionStatus.COMPLETED, outputs=(output,))
            )
            previous = finished.outputs["output"]
        store.update_run_status(run.id, ExecutionStatus.COMPLETED)
        return run.id
    finally:
        store.close()


def time_requests(client: httpx.Client, paths: list[str]) -> list[float]:
    """Milliseconds of each GET, one after the other."""
    timings = []
    for path in paths:
        began = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - began) * 1000)
        response.raise_for_status()
    return timings


def figure(case: str, timings: list[float]) -> LatencyFigure:
    """Median and p99 of `timings`."""
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return LatencyFigure(case, len(timings), statistics.median(ordered), p99)


def generate_load(url: str, run_id: str, stop_file: str) -> None:
    """The second process: request lists and DAGs on several threads until told to stop."""

    def hammer(seed: int) -> None:
        with httpx.Client(base_url=f"{url}/api/v1", timeout=120) as client:
            count = seed
            while not os.path.exists(stop_file):
                count += 1
                if count % 50 == 0:
                    client.get(f"/runs/{run_id}/dag")
                else:
                    client.get("/runs", params={"page": 1 + count % 50, "size": 20})

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(LOAD_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def run_all() -> list[LatencyFigure]:
    """Seed, serve, load and measure; returns the figures."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        url = f"sqlite:///{home / 'headwater.db'}"
        began = time.perf_counter()
        run_id = seed(url)
        print(
            f"seeded {RUNS:,} runs, {RUNS * STEPS_PER_RUN + DAG_STEPS:,} step runs "
            f"in {time.perf_counter() - began:.0f} s"
        )
        os.environ.update(HEADWATER_HOME=str(home), HEADWATER_STORE_URL=url)
        server = process.start_background(home, "127.0.0.1", 0)
        stop_file = home / "stop-load"
        load = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.server_load",
                "--load",
                server.url,
                str(run_id),
                str(stop_file),
            ]
        )
        try:
            return _measure(server.url, str(run_id))
        finally:
            stop_file.touch()
            load.wait(timeout=300)
            process.stop(server)


def _measure(url: str, run_id: str) -> list[LatencyFigure]:
    with httpx.Client(base_url=f"{url}/api/v1", timeout=120) as client:
        time_requests(client, ["/runs", f"/runs/{run_id}/dag"])  # warm-up
        newest = time_requests(client, ["/runs?size=20"] * LIST_REQUESTS)
        filtered = time_requests(
            client, ["/runs?size=20&pipeline_name=training&status=completed"] * LIST_REQUESTS
        )
        deep = time_requests(client, ["/runs?size=20&page=2000"] * LIST_REQUESTS)
        dag = time_requests(client, [f"/runs/{run_id}/dag"] * DAG_REQUESTS)
        rebuilt = time_rebuilt_dags(client, run_id)
    return [
        figure("list runs, newest first (page 1 of 20)", newest),
        figure("list runs, one pipeline, completed", filtered),
        figure("list runs, page 2,000 of 20", deep),
        figure(f"run DAG, {DAG_STEPS:,} steps", dag),
        figure(f"run DAG, {DAG_STEPS:,} steps, changed before each", rebuilt),
    ]


def time_rebuilt_dags(client: httpx.Client, run_id: str) -> list[float]:
    """Milliseconds of DAG requests that each follow a change of the run (no cache hit)."""
    timings = []
    for _ in range(DAG_REQUESTS):
        # A status update is an event of the run: the server must build its DAG again.
        client.put(f"/runs/{run_id}/status", json={"status": "completed"}).raise_for_status()
        timings.extend(time_requests(client, [f"/runs/{run_id}/dag"]))
    return timings


def print_figures(figures: list[LatencyFigure]) -> None:
    """The hammered figures as a table."""
    from rich.console import Console
    from rich.table import Table

    load = ", ".join(f"{n:.2f}" for n in os.getloadavg())
    table = Table(
        title=f"Server latency under load ({LOAD_THREADS} threads in a second process), "
        f"SQLite with {RUNS:,} runs; load average {load}"
    )
    for column in ("case", "requests", "median ms", "p99 ms"):
        table.add_column(column, justify="left" if column == "case" else "right")
    for f in figures:
        table.add_row(f.case, str(f.requests), f"{f.median_ms:.1f}", f"{f.p99_ms:.1f}")
    Console(width=120).print(table)


def _numbers(value: str) -> list[int]:
    return [int(part.replace("_", "")) for part in value.split(",") if part]


def main() -> None:
    """Measure what the options ask and print the figures as tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("concurrent", "hammer"), help="One measurement.")
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgresql", "both"),
        default="both",
        help="Where the concurrent clients' runs live (default both).",
    )
    parser.add_argument(
        "--runs", type=_numbers, default=[10_000, 100_000], help="E.g. 10000,100000."
    )
    parser.add_argument(
        "--workers", type=_numbers, default=[1, 2], help="Server processes, e.g. 1,2 (default)."
    )
    parser.add_argument("--clients", type=int, default=8, help="Concurrent clients (default 8).")
    parser.add_argument("--requests", type=int, default=100, help="Requests per client.")
    options = parser.parse_args()
    if options.only in (None, "concurrent"):
        databases = ("sqlite", "postgresql") if options.database == "both" else (options.database,)
        with tempfile.TemporaryDirectory() as folder:
            concurrent_lists.print_figures(
                concurrent_lists.run_all(
                    Path(folder),
                    databases=databases,
                    run_counts=options.runs,
                    workers=options.workers,
                    clients=options.clients,
                    requests=options.requests,
                )
            )
    if options.only in (None, "hammer"):
        print_figures(run_all())


if __name__ == "__main__":
    if sys.argv[1:2] == ["--load"]:
        generate_load(*sys.argv[2:5])
    else:
        main()
