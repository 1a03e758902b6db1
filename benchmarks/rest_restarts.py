"""Pipelines recording through a server that is killed (SIGKILL) and restarted under them.

Starts `headwater up` on a SQLite store, runs `WORKERS` processes that each run `RUNS`
pipelines of `len(STEPS)` short steps through the REST store, and kills and restarts the
server `RESTARTS` times while they run. Reports failed runs, and lost or duplicated step
records (every run must end `completed` with each step recorded exactly once). Run it:

    .venv/bin/python -m benchmarks.rest_restarts
"""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from headwater import pipeline, step

WORKERS = 6
RUNS = 5
STEPS = ("prepare", "train", "evaluate")
RESTARTS = 3
SECONDS_UP = 4.0
SECONDS_DOWN = 1.5


@step(enable_cache=False)
def prepare() -> int:
    time.sleep(0.2)
    return 1


@step(enable_cache=False)
def train(value: int) -> int:
    time.sleep(0.3)
    return value + 1


@step(enable_cache=False)
def evaluate(value: int) -> int:
    time.sleep(0.1)
    return value * 2


@pipeline
def restarted() -> None:
    evaluate(train(prepare()))


def _work() -> None:
    """One worker process: run `RUNS` pipelines, print how many failed."""
    failed = 0
    for _ in range(RUNS):
        try:
            restarted()
        except Exception:
            failed += 1
    sys.stdout.write(f"failed={failed}\n")


def _start_server(home: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "headwater.cli.main", "up", "--blocking"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    env = {**os.environ, "HEADWATER_HOME": str(home)}
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).is_success:
                return server
        except httpx.HTTPError:
            time.sleep(0.05)


def _count_records(url: str) -> tuple[int, int, int, int]:
    """Completed runs, missing step records, duplicated step records, all runs."""
    runs = httpx.get(f"{url}/api/v1/runs", params={"size": 1000}, timeout=30).json()["items"]
    steps = httpx.get(f"{url}/api/v1/step-runs", params={"size": 1000}, timeout=30).json()
    per_run = collections.Counter((s["run_id"], s["name"]) for s in steps["items"])
    completed = sum(run["status"] == "completed" for run in runs)
    missing = sum(1 for run in runs for name in STEPS if per_run[(run["id"], name)] == 0)
    duplicated = sum(count - 1 for count in per_run.values() if count > 1)
    return completed, missing, duplicated, len(runs)


def main() -> None:
    """Run the workers across the restarts and print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        home, port = Path(folder) / "server", 18000 + os.getpid() % 1000
        url = f"http://127.0.0.1:{port}"
        server = _start_server(home, port)
        env = {**os.environ, "HEADWATER_HOME": f"{folder}/client", "HEADWATER_STORE_URL": url}
        command = [sys.executable, "-m", "benchmarks.rest_restarts", "--worker"]
        workers = [
            subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            for _ in range(WORKERS)
        ]
        for _ in range(RESTARTS):
            time.sleep(SECONDS_UP)
            server.send_signal(signal.SIGKILL)
            server.wait()
            time.sleep(SECONDS_DOWN)
            server = _start_server(home, port)
        outputs = [worker.communicate()[0].decode() for worker in workers]
        failed = sum(int(line.split("=")[1]) for out in outputs for line in out.split())
        completed, missing, duplicated, total = _count_records(url)
        server.send_signal(signal.SIGTERM)
        server.wait()
    sys.stdout.write(
        f"{WORKERS} workers x {RUNS} runs x {len(STEPS)} steps, {RESTARTS} SIGKILL restarts "
        f"({SECONDS_DOWN:g} s down each): {failed} failed runs, {completed}/{total} runs "
        f"completed, {missing} step records lost, {duplicated} duplicated\n"
    )


if __name__ == "__main__":
    if "--worker" in sys.argv:
        _work()
    else:
        main()
