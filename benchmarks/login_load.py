"""Logins under attack: list-runs latency while guessers hammer `/login`, and login costs.

Serves a SQLite store of 1,000 runs with `headwater up --auth` in its own process. It
times `GET /runs` idle, then while a second process runs 8 threads that post wrong
passwords to `/login` as fast as the server answers (known and unknown user names). The
failure limits are raised out of reach, as for a guesser spread over many addresses and
names: what stays is the cost of hashing. Then it times logins of a known user with a
wrong password against those of an unknown user. Run it alone with

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.login_load
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from benchmarks.listing import seed_runs
from headwater.server import process
from headwater.server.passwords import hash_password
from headwater.store.factory import login_store_of, open_store
from headwater.store.logins import ServerRole

RUNS = 1_000
GUESSERS = 8
LIST_REQUESTS = 200
LOGIN_REQUESTS = 40
PASSWORD = "correct horse battery"
# Out of reach, so every guess is hashed (see the module docstring).
UNLIMITED = {
    "HEADWATER_LOGIN_MAX_FAILURES_PER_USER": "1000000000",
    "HEADWATER_LOGIN_MAX_FAILURES_PER_ADDRESS": "1000000000",
}


@dataclass(frozen=True)
class LatencyFigure:
    """The median and 90th percentile of one request kind, in milliseconds."""

    case: str
    requests: int
    median_ms: float
    p90_ms: float


def figure(case: str, timings: list[float]) -> LatencyFigure:
    """Median and p90 of `timings`."""
    ordered = sorted(timings)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return LatencyFigure(case, len(timings), statistics.median(ordered), p90)


def timed(client: httpx.Client, method: str, path: str, **kwargs: object) -> float:
    """Milliseconds of one request."""
    began = time.perf_counter()
    client.request(method, path, **kwargs)  # type: ignore[arg-type]
    return (time.perf_counter() - began) * 1000


def guess(url: str, stop_file: str) -> None:
    """The second process: wrong passwords on `GUESSERS` threads until told to stop."""

    def hammer(seed: int) -> None:
        with httpx.Client(base_url=f"{url}/api/v1", timeout=120) as client:
            count = seed
            while not os.path.exists(stop_file):
                count += 1
                name = "alice" if count % 2 else f"nobody-{count}"
                client.post("/login", json={"username": name, "password": f"guess-{count}"})

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(GUESSERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def run_all() -> list[LatencyFigure]:
    """Seed, serve, attack and measure; returns the figures."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        url = f"sqlite:///{home / 'headwater.db'}"
        seed_runs(url, RUNS)
        store = open_store(url)
        logins = login_store_of(store)
        assert logins is not None
        logins.save_login("alice", hash_password(PASSWORD), ServerRole.MEMBER)
        store.close()
        os.environ.update(HEADWATER_HOME=str(home), HEADWATER_STORE_URL=url, **UNLIMITED)
        server = process.start_background(home, "127.0.0.1", 0, auth=True)
        try:
            return _measure(server.url, home / "stop-guessing")
        finally:
            process.stop(server)


def _measure(url: str, stop_file: Path) -> list[LatencyFigure]:
    with httpx.Client(base_url=f"{url}/api/v1", timeout=120) as client:
        answer = client.post("/login", json={"username": "alice", "password": PASSWORD})
        client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        idle = [timed(client, "GET", "/runs?size=20") for _ in range(LIST_REQUESTS)]
        known, unknown = _login_costs(client)
        attacked = _runs_while_guessing(client, url, stop_file)
    return [
        figure("GET /runs, idle", idle),
        figure(f"GET /runs, {GUESSERS} guessers on /login", attacked),
        figure("POST /login, known user, wrong password", known),
        figure("POST /login, unknown user", unknown),
    ]


def _login_costs(client: httpx.Client) -> tuple[list[float], list[float]]:
    known, unknown = [], []
    for index in range(LOGIN_REQUESTS):
        body = {"username": "alice", "password": f"wrong-{index}"}
        known.append(timed(client, "POST", "/login", json=body))
        body = {"username": f"nobody-{index}", "password": f"wrong-{index}"}
        unknown.append(timed(client, "POST", "/login", json=body))
    return known, unknown


def _runs_while_guessing(client: httpx.Client, url: str, stop_file: Path) -> list[float]:
    guessers = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.login_load", "--guess", url, str(stop_file)]
    )
    try:
        time.sleep(2)  # let every guesser thread get going
        return [timed(client, "GET", "/runs?size=20") for _ in range(LIST_REQUESTS)]
    finally:
        stop_file.touch()
        guessers.wait(timeout=300)


def main() -> None:
    """Print the figures as a table."""
    from rich.console import Console
    from rich.table import Table

    figures = run_all()
    table = Table(title=f"Logins under attack, SQLite with {RUNS:,} runs")
    for column in ("case", "requests", "median ms", "p90 ms"):
        table.add_column(column, justify="left" if column == "case" else "right")
    for f in figures:
        table.add_row(f.case, str(f.requests), f"{f.median_ms:.1f}", f"{f.p90_ms:.1f}")
    Console().print(table)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--guess"]:
        guess(*sys.argv[2:4])
    else:
        main()
