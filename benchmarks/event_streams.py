"""Idle event streams: the server's CPU while dashboards hold `/events` open and nothing runs.

Serves a SQLite store with `headwater up` in its own process, opens `STREAMS` server-sent
event streams from a second process and leaves them idle, then reads the server's CPU
time over `SECONDS`. Every stream is fed by one poller of the events outbox, so the cost
should not grow with the number of streams. A first pass with no stream open gives the
server's own idle cost. Run it alone with

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.event_streams
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

from headwater.server import process

STREAMS = 100
SECONDS = 20.0
SETTLE_SECONDS = 3.0


@dataclass(frozen=True)
class CpuFigure:
    """The server's CPU over one idle window, as a share of one core."""

    streams: int
    seconds: float
    core_share: float


def hold_streams(url: str, count: int, stop_file: str) -> None:
    """The second process: `count` open streams, read until told to stop."""
    import anyio

    async def listen(client: httpx.AsyncClient) -> None:
        async with client.stream("GET", "/events") as answer:
            answer.raise_for_status()
            async for _ in answer.aiter_bytes():
                pass

    async def all_streams() -> None:
        limits = httpx.Limits(max_connections=count + 1)
        client = httpx.AsyncClient(base_url=f"{url}/api/v1", timeout=None, limits=limits)
        async with client, anyio.create_task_group() as group:
            for _ in range(count):
                group.start_soon(listen, client)
            while not os.path.exists(stop_file):
                await anyio.sleep(0.2)
            group.cancel_scope.cancel()

    anyio.run(all_streams)


def server_cpu(pid: int, seconds: float) -> float:
    """The process's CPU seconds (its threads included) per wall second over `seconds`."""
    server = psutil.Process(pid)
    before = server.cpu_times()
    time.sleep(seconds)
    after = server.cpu_times()
    used = (after.user - before.user) + (after.system - before.system)
    return used / seconds


def measure(url: str, pid: int, streams: int, home: Path) -> CpuFigure:
    """Hold `streams` idle streams open and read the server's CPU meanwhile."""
    if streams == 0:
        return CpuFigure(0, SECONDS, server_cpu(pid, SECONDS))
    stop_file = home / f"stop-{streams}"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.event_streams",
            "--hold",
            url,
            str(streams),
            str(stop_file),
        ]
    )
    try:
        time.sleep(SETTLE_SECONDS)  # let every stream connect
        if holder.poll() is not None:
            raise RuntimeError(f"the stream holder exited early with code {holder.returncode}")
        return CpuFigure(streams, SECONDS, server_cpu(pid, SECONDS))
    finally:
        stop_file.touch()
        holder.wait(timeout=60)


def run_all() -> list[CpuFigure]:
    """Serve an empty store and measure it with no stream, then with `STREAMS`."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        os.environ.update(
            HEADWATER_HOME=str(home), HEADWATER_STORE_URL=f"sqlite:///{home / 'headwater.db'}"
        )
        server = process.start_background(home, "127.0.0.1", 0)
        try:
            return [measure(server.url, server.pid, count, home) for count in (0, STREAMS)]
        finally:
            process.stop(server)


def main() -> None:
    """Print the figures as a table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Server CPU with idle event streams (SQLite)")
    for column in ("open streams", "seconds", "share of one core"):
        table.add_column(column, justify="right")
    for f in run_all():
        table.add_row(str(f.streams), f"{f.seconds:.0f}", f"{f.core_share:.1%}")
    Console().print(table)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--hold"]:
        hold_streams(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        main()
