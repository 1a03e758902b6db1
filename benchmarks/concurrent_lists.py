"""List-runs latency with concurrent clients, on SQLite and on PostgreSQL (issue 19).

The aim: list runs answers with a p99 of at most 100 ms while 8 clients ask at once, over
10,000 and over 100,000 runs. Each client is its own process with its own HTTP connection,
asking without pause (a closed loop) the lists the dashboard asks: the newest page, one
pipeline's runs, the failed runs, and a page further down. SQLite is served by
`headwater up`, PostgreSQL by `headwater server start --workers N` (login required; the
clients are members, so every list is scoped to their projects) on a throwaway database
that is dropped afterwards. The runs are seeded in bulk from two real runs, each with two
metadata entries and a tag, so every listed page loads tags and metadata too. Run it with
`make bench-server`, or alone (`--help` lists the options):

    .venv/bin/python -m benchmarks.server_load --only concurrent
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil
from sqlalchemy import create_engine, func, select, text

from benchmarks.compare_runs import postgres_database
from headwater.server import process
from headwater.server.passwords import hash_password
from headwater.store.catalog_models import TagTarget
from headwater.store.factory import login_store_of, open_store
from headwater.store.logins import ServerRole
from headwater.store.models import (
    ExecutionStatus,
    MetadataEntry,
    MetadataTarget,
    MetadataType,
    RunCreate,
)
from headwater.store.sql.ids import new_id
from headwater.store.sql.schema import metadata_entries, run_tags, runs

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BATCH = 5_000
USER = "bench-member"
PASSWORD = "correct horse battery"
# What the dashboard's runs list asks (size 25, newest first), and what its filters do.
LISTS = {
    "newest, page 1": "/runs?sort_by=desc:created&page=1&size=25",
    "one pipeline": "/runs?sort_by=desc:created&page=1&size=25&pipeline_name=training",
    "failed only": "/runs?sort_by=desc:created&page=1&size=25&status=failed",
    "newest, page 40": "/runs?sort_by=desc:created&page=40&size=25",
}


@dataclass(frozen=True)
class Case:
    """One measured setup: which database, how many runs, how many server workers."""

    database: str
    runs: int
    workers: int
    clients: int


@dataclass(frozen=True)
class ConcurrentFigure:
    """Latency of one kind of list request (or all of them) in one case, in milliseconds."""

    case: Case
    kind: str
    requests: int
    median_ms: float
    p99_ms: float
    # Over all clients while they asked (the "all" row only): answers per second, and the
    # server processes' CPU milliseconds per answer, steadier than latency on a busy machine.
    throughput: float | None = None
    server_cpu_ms: float | None = None


# --- seeding --------------------------------------------------------------------------


def seed_templates(url: str) -> None:
    """Two real runs, one per pipeline, with metadata and a tag: what the copies copy."""
    store = open_store(url)
    try:
        for name in ("training", "scoring"):
            run = store.create_run(RunCreate(pipeline_name=name, spec_hash="h", spec={}))
            store.update_run_status(run.id, ExecutionStatus.RUNNING)
            store.update_run_status(run.id, ExecutionStatus.COMPLETED)
            entries = [
                MetadataEntry(key="accuracy", type=MetadataType.FLOAT, value=0.9),
                MetadataEntry(key="optimizer", type=MetadataType.STRING, value="adam"),
            ]
            store.add_metadata(MetadataTarget.RUN, run.id, entries)
            store.add_tags(TagTarget.RUN, run.id, ["nightly"])
        logins = login_store_of(store)
        assert logins is not None
        logins.save_login(USER, hash_password(PASSWORD), ServerRole.MEMBER)
    finally:
        store.close()


def grow_runs(url: str, total: int) -> None:
    """Copy the two template runs (rows, metadata, tag) until there are `total` runs.

    Copies are a second apart, alternate the two pipelines, and every tenth one failed.
    """
    engine = create_engine(url)
    began = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with engine.begin() as connection:
        have = connection.execute(select(func.count()).select_from(runs)).scalar_one()
        real = select(runs).where(runs.c.name.not_like("run-%"))
        templates = [dict(r._mapping) for r in connection.execute(real)]
        entries = [
            dict(r._mapping)
            for r in connection.execute(
                select(metadata_entries).where(metadata_entries.c.target_id == templates[0]["id"])
            )
        ]
        links = [
            dict(r._mapping)
            for r in connection.execute(
                select(run_tags).where(run_tags.c.run_id == templates[0]["id"])
            )
        ]
        for start in range(have, total, BATCH):
            indexes = range(start, min(start + BATCH, total))
            copies = [_copy_run(templates[i % 2], i, began) for i in indexes]
            connection.execute(runs.insert(), copies)
            connection.execute(
                metadata_entries.insert(),
                [{**e, "target_id": c["id"]} for c in copies for e in entries],
            )
            connection.execute(
                run_tags.insert(), [{**link, "run_id": c["id"]} for c in copies for link in links]
            )
    if engine.dialect.name == "postgresql":
        # What autovacuum does soon after a bulk load on a real server: without statistics
        # the planner sorts every run for a page instead of reading the (created, id) index.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    engine.dispose()


def _copy_run(template: dict[str, object], index: int, began: dt.datetime) -> dict[str, object]:
    created = began + dt.timedelta(seconds=index)
    status = ExecutionStatus.FAILED if index % 10 == 9 else ExecutionStatus.COMPLETED
    return {
        **template,
        "id": new_id(),
        "name": f"run-{index:06d}",
        "status": status.value,
        "created": created,
        "started": created,
        "ended": created + dt.timedelta(seconds=30),
    }


# --- measuring ------------------------------------------------------------------------


def measure(
    home: Path, url: str, case: Case, *, requests: int, auth: bool
) -> list[ConcurrentFigure]:
    """Serve `url` with `case.workers` processes and time `case.clients` clients on it."""
    os.environ.update(HEADWATER_HOME=str(home), HEADWATER_STORE_URL=url)
    server = process.start_background(home, "127.0.0.1", 0, auth=auth, workers=case.workers)
    try:
        token = _log_in(server.url) if auth else ""
        cpu_before = server_cpu_seconds(server.pid)
        timings, seconds = _run_clients(server.url, token, clients=case.clients, requests=requests)
        cpu_ms = (server_cpu_seconds(server.pid) - cpu_before) * 1000 / len(timings)
    finally:
        process.stop(server)
    return figures_of(case, timings, seconds, cpu_ms)


def server_cpu_seconds(pid: int) -> float:
    """CPU seconds the server process and its worker processes have used so far."""
    server = psutil.Process(pid)
    processes = [server, *server.children(recursive=True)]
    total = 0.0
    for each in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = each.cpu_times()
            total += times.user + times.system
    return total


def _log_in(url: str) -> str:
    answer = httpx.post(
        f"{url}/api/v1/login", json={"username": USER, "password": PASSWORD}, timeout=60
    )
    answer.raise_for_status()
    return str(answer.json()["access_token"])


def _run_clients(
    url: str, token: str, *, clients: int, requests: int
) -> tuple[list[tuple[str, float]], float]:
    """Start the client processes, let them go at once, and gather their timings."""
    command = [sys.executable, "-m", "benchmarks.concurrent_lists", "--client", url, token]
    started = [
        subprocess.Popen(
            [*command, str(index), str(requests)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for index in range(clients)
    ]
    for client in started:  # each has connected and warmed up
        assert client.stdout is not None
        if client.stdout.readline().strip() != "ready":
            raise RuntimeError("A benchmark client did not start; see its output above.")
    for client in started:
        assert client.stdin is not None
        client.stdin.write("go\n")
        client.stdin.flush()
    timings: list[tuple[str, float]] = []
    first, last = float("inf"), 0.0
    for client in started:
        out, _ = client.communicate(timeout=600)
        answer = json.loads(out)
        first, last = min(first, answer["began"]), max(last, answer["ended"])
        timings.extend((kind, ms) for kind, ms in answer["timings"])
    return timings, last - first


def run_client(url: str, token: str, index: int, requests: int) -> None:
    """One client process: warm up, say ready, wait for go, then ask and time the lists."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    kinds = list(LISTS.items())
    timings = []
    with httpx.Client(base_url=f"{url}/api/v1", headers=headers, timeout=120) as client:
        for _, path in kinds:
            client.get(path).raise_for_status()
        print("ready", flush=True)
        sys.stdin.readline()
        asked = time.time()
        for number in range(requests):
            kind, path = kinds[(index + number) % len(kinds)]
            began = time.perf_counter()
            client.get(path).raise_for_status()
            timings.append((kind, (time.perf_counter() - began) * 1000))
    answer = {"began": asked, "ended": time.time(), "timings": timings}
    print(json.dumps(answer), flush=True)


def figures_of(
    case: Case, timings: Sequence[tuple[str, float]], seconds: float, server_cpu_ms: float
) -> list[ConcurrentFigure]:
    """One figure per kind of list, then one of all of them with the throughput."""
    figures = []
    for kind in LISTS:
        figures.append(_figure(case, kind, [ms for k, ms in timings if k == kind]))
    overall = _figure(case, "all", [ms for _, ms in timings])
    figures.append(
        ConcurrentFigure(
            case,
            "all",
            overall.requests,
            overall.median_ms,
            overall.p99_ms,
            throughput=len(timings) / seconds,
            server_cpu_ms=server_cpu_ms,
        )
    )
    return figures


def _figure(case: Case, kind: str, timings: list[float]) -> ConcurrentFigure:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return ConcurrentFigure(case, kind, len(ordered), statistics.median(ordered), p99)


def run_all(
    home: Path,
    *,
    databases: Sequence[str],
    run_counts: Sequence[int],
    workers: Sequence[int],
    clients: int,
    requests: int,
) -> list[ConcurrentFigure]:
    """Every case: each database grown to each run count, served by each worker count."""
    figures: list[ConcurrentFigure] = []
    for database in databases:
        with _database(home, database) as url:
            seed_templates(url)
            for count in sorted(run_counts):
                grow_runs(url, count)
                for worker_count in workers:
                    case = Case(database, count, worker_count, clients)
                    auth = database == "postgresql"  # `server start` requires a login
                    figures += measure(home, url, case, requests=requests, auth=auth)
    return figures


@contextmanager
def _database(home: Path, database: str) -> Iterator[str]:
    if database == "postgresql":
        with postgres_database("lists") as url:
            yield url
        return
    path = home / "lists.db"
    try:
        yield f"sqlite:///{path}"
    finally:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()


def print_figures(figures: Sequence[ConcurrentFigure]) -> None:
    """The figures as a table, with the load average they were measured under."""
    from rich.console import Console
    from rich.table import Table

    load = ", ".join(f"{n:.2f}" for n in os.getloadavg())
    table = Table(
        title=f"List runs, concurrent clients (closed loop, one process and connection "
        f"each), {os.cpu_count()} cores shared by clients and server; load average {load}"
    )
    for column in ("database", "runs", "workers", "clients", "list", "requests"):
        table.add_column(column, justify="left" if column in ("database", "list") else "right")
    for column in ("median ms", "p99 ms", "answers/s", "server CPU ms/answer"):
        table.add_column(column, justify="right")
    for f in figures:
        rate = "" if f.throughput is None else f"{f.throughput:.0f}"
        cpu = "" if f.server_cpu_ms is None else f"{f.server_cpu_ms:.1f}"
        table.add_row(
            f.case.database,
            f"{f.case.runs:,}",
            str(f.case.workers),
            str(f.case.clients),
            f.kind,
            str(f.requests),
            f"{f.median_ms:.1f}",
            f"{f.p99_ms:.1f}",
            rate,
            cpu,
        )
    Console(width=160).print(table)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--client"]:
        run_client(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
