"""Who owns a staging folder, and when one left behind by a dead process may go.

A staging folder is named `<host>-<pid>-<start>-<random>`: a hash of the machine's name,
the saving process's id and its start time (in hundredths of a second, since a pid can be
reused by a later process). A folder of this machine whose process is gone, or is another
process now, belongs to nobody and can be removed at once: its save was killed midway
and nothing will finish it (issue 18). A folder of another machine, or one named before
owners were recorded, cannot be checked here; it goes only once nothing in it changed for
`UNOWNED_KEPT_FOR`.

On Linux a process's start time and state are read from `/proc`, as psutil reads them:
importing psutil would add milliseconds to every `python p.py` that saves an artifact
(issue 19). Elsewhere psutil answers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import sys
import time
from dataclasses import dataclass

# Long enough for any save of a process we cannot check to have finished or died.
UNOWNED_KEPT_FOR = dt.timedelta(days=1)
# Start times are compared to the tick; a recorded one in hundredths is within this.
_START_TOLERANCE_SECONDS = 0.5
_NAME_PARTS = 4
# Kept in a variable: a type checker would call the branch for other systems unreachable.
_HAS_PROC = sys.platform.startswith("linux")


@dataclass(frozen=True, slots=True)
class StagingOwner:
    """The process a staging folder's name says is writing it."""

    host: str
    pid: int
    start_centiseconds: int

    @property
    def prefix(self) -> str:
        """The first parts of a staging folder's name; a random part follows."""
        return f"{self.host}-{self.pid}-{self.start_centiseconds}"


_current: StagingOwner | None = None


def current_owner() -> StagingOwner:
    """This process as an owner, computed once per process (and again after a fork)."""
    global _current  # cached: every save of a process names its folder with it
    if _current is None or _current.pid != os.getpid():
        pid = os.getpid()
        found = _process_start(pid)
        assert found is not None  # this process is running
        _current = StagingOwner(_host_hash(), pid, int(found[0] * 100))
    return _current


def is_abandoned(folder: str, name: str) -> bool:
    """Whether nobody can be writing the staging folder `name` at path `folder` any more."""
    owner = _parse(name)
    if owner is None or owner.host != _host_hash():
        return _untouched_since(folder) < time.time() - UNOWNED_KEPT_FOR.total_seconds()
    return not _is_running(owner)


def _parse(name: str) -> StagingOwner | None:
    parts = name.split("-")
    if len(parts) != _NAME_PARTS or not (parts[1].isdigit() and parts[2].isdigit()):
        return None
    return StagingOwner(parts[0], int(parts[1]), int(parts[2]))


def _is_running(owner: StagingOwner) -> bool:
    try:
        found = _process_start(owner.pid)
    except PermissionError:
        return True  # someone else's live process: leave its folder alone
    if found is None:
        return False
    started, is_zombie = found
    is_same = abs(started - owner.start_centiseconds / 100) < _START_TOLERANCE_SECONDS
    return is_same and not is_zombie


def _process_start(pid: int) -> tuple[float, bool] | None:
    """When process `pid` started (seconds since the epoch) and whether it is a zombie;
    None when there is no such process.

    Raises:
        PermissionError: the process exists but may not be inspected.
    """
    if _HAS_PROC:
        return _process_start_from_proc(pid)
    return _process_start_from_psutil(pid)


def _process_start_from_proc(pid: int) -> tuple[float, bool] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            data = stat.read()
    except (FileNotFoundError, ProcessLookupError):
        return None
    # The name, in parentheses, may hold spaces and parentheses: fields follow the last ')'.
    fields = data[data.rfind(b")") + 2 :].split()
    state, ticks_since_boot = fields[0], int(fields[19])
    return ticks_since_boot / os.sysconf("SC_CLK_TCK") + _boot_time(), state == b"Z"


_boot_seconds: float | None = None


def _boot_time() -> float:
    """The machine's boot time in seconds since the epoch, as `/proc/stat` says."""
    global _boot_seconds  # cached: it does not change while the machine runs
    if _boot_seconds is None:
        with open("/proc/stat", "rb") as stat:
            line = next(line for line in stat if line.startswith(b"btime"))
        _boot_seconds = float(line.split()[1])
    return _boot_seconds


def _process_start_from_psutil(pid: int) -> tuple[float, bool] | None:
    import psutil  # only off Linux, where /proc cannot answer

    try:
        process = psutil.Process(pid)
        return process.create_time(), process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return None
    except psutil.AccessDenied as exc:
        raise PermissionError(f"Process {pid} may not be inspected.") from exc


def _untouched_since(folder: str) -> float:
    """The newest modification time of the folder or anything in it."""
    newest = os.stat(folder).st_mtime
    for root, folders, files in os.walk(folder):
        for name in (*folders, *files):
            try:
                newest = max(newest, os.lstat(os.path.join(root, name)).st_mtime)
            except FileNotFoundError:
                continue
    return newest


def _host_hash() -> str:
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]
