"""The background server process of `headwater up`: its pid file, log, start and stop.

The pid file (`$HEADWATER_HOME/server.json`) names the process and its URL; the server
writes it once it listens and removes it when it stops.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from headwater.errors import ConfigurationError
from headwater.python_command import python_module_command

PID_FILE = "server.json"
LOG_FILE = "server.log"
START_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class RunningServer:
    """A server process started from this home."""

    pid: int
    url: str


def pid_file(home: Path) -> Path:
    """Where the running server of `home` is recorded."""
    return home / PID_FILE


def log_file(home: Path) -> Path:
    """Where the background server of `home` logs."""
    return home / LOG_FILE


def record_running(home: Path, url: str) -> None:
    """Record this process as the server of `home`."""
    pid_file(home).write_text(json.dumps({"pid": os.getpid(), "url": url}))


def forget_running(home: Path) -> None:
    """Remove this process's record, if it is still the recorded one."""
    found = find_running(home)
    if found is not None and found.pid == os.getpid():
        pid_file(home).unlink(missing_ok=True)


def find_running(home: Path) -> RunningServer | None:
    """The live server recorded for `home`; a record of a dead process is removed."""
    path = pid_file(home)
    try:
        record = json.loads(path.read_text())
        server = RunningServer(pid=int(record["pid"]), url=str(record["url"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not psutil.pid_exists(server.pid):
        path.unlink(missing_ok=True)
        return None
    return server


def start_background(
    home: Path, host: str, port: int, *, auth: bool = False, workers: int = 1
) -> RunningServer:
    """Start `headwater up --blocking` detached, logging to `home`, and wait until it listens.

    Raises:
        ConfigurationError: the server exited or did not listen within the timeout.
    """
    log = log_file(home)
    command = python_module_command("headwater.cli.main", "up", "--blocking")
    command += ["--host", host, "--port", str(port), "--workers", str(workers)]
    command += ["--auth"] if auth else []
    with log.open("ab") as output:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        found = find_running(home)
        if found is not None and found.pid == process.pid:
            return found
        if process.poll() is not None:
            raise ConfigurationError(
                f"The Headwater server exited while starting (code {process.returncode}). "
                f"Its log '{log}' ends with: {_tail(log)}"
            )
        time.sleep(0.05)
    process.terminate()
    raise ConfigurationError(
        f"The Headwater server did not start listening within {START_TIMEOUT_SECONDS:.0f} s. "
        f"See its log '{log}'."
    )


def stop(server: RunningServer, *, timeout: float = 10.0) -> None:
    """Ask the server to stop (SIGTERM), killing it if it has not stopped by `timeout`."""
    try:
        process = psutil.Process(server.pid)
        process.terminate()
        process.wait(timeout)
    except psutil.NoSuchProcess:
        return
    except psutil.TimeoutExpired:
        process.kill()


def _tail(log: Path, lines: int = 5) -> str:
    try:
        text = log.read_text(errors="replace").strip().splitlines()[-lines:]
    except OSError:
        return "(no log)"
    return " | ".join(text) or "(empty)"
