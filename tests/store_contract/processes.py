"""Start several Python processes that begin a piece of work at the same moment.

Each process imports what it needs, reports ready, and waits for a shared go signal, so
the work itself (not the interpreter start) overlaps across processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_SECONDS = 60


def run_together(module: str, argument_sets: list[list[str]], folder: Path) -> list[str]:
    """Run `python -m module <args> <ready file> <go file>` once per argument set.

    Returns each process's stderr; fails the test if one exits non-zero.
    """
    go = folder / "go"
    readies = [folder / f"ready-{index}" for index in range(len(argument_sets))]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", module, *arguments, str(ready), str(go)],
            cwd=REPO_ROOT,
            env={**os.environ},
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for arguments, ready in zip(argument_sets, readies, strict=True)
    ]
    _wait_for(readies, processes)
    go.touch()
    errors = []
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
        errors.append(stderr)
    return errors


def wait_for_go(ready: str, go: str) -> None:
    """In a worker: say it is ready, then wait until every worker may start."""
    Path(ready).touch()
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while not Path(go).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"No go signal at {go} within {READY_TIMEOUT_SECONDS} s")
        time.sleep(0.005)


def _wait_for(readies: list[Path], processes: list[subprocess.Popen[str]]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while not all(ready.exists() for ready in readies):
        crashed = [p for p in processes if p.poll() not in (None, 0)]
        if crashed:
            _, stderr = crashed[0].communicate()
            raise AssertionError(f"A worker exited before it was ready:\n{stderr}")
        if time.monotonic() > deadline:
            raise AssertionError(f"Workers not ready within {READY_TIMEOUT_SECONDS} s")
        time.sleep(0.01)
