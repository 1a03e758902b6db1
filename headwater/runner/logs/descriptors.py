"""File-descriptor plumbing for the log capture: pipes, copies, and writes that never fail."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import sys
import termios
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ctypes

# Room for bursts from child processes before they block on a slow reader; pipes only
# take memory for what they hold, so a large capacity costs nothing when idle.
_PIPE_CAPACITY = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Pipe:
    """The pipe that stands in for descriptor `fd` (1 or 2) while a step runs."""

    fd: int
    read_fd: int
    write_fd: int


def open_pipe(fd: int) -> Pipe:
    """A pipe to stand in for `fd`, with a non-blocking read end."""
    read_fd, write_fd = pipe_above_stdio()
    os.set_blocking(read_fd, False)
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux only
    if set_size is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(write_fd, set_size, _PIPE_CAPACITY)
    return Pipe(fd, read_fd, write_fd)


def pipe_above_stdio() -> tuple[int, int]:
    """A close-on-exec pipe whose ends are not 0, 1 or 2, even if those were closed."""
    ends = []
    for end in os.pipe():
        if end <= 2:
            moved = fcntl.fcntl(end, fcntl.F_DUPFD_CLOEXEC, 3)
            os.close(end)
            end = moved
        ends.append(end)
    return ends[0], ends[1]


def duplicate(fd: int) -> int | None:
    """A close-on-exec copy of `fd`, or None if `fd` is closed."""
    try:
        return os.dup(fd)
    except OSError:
        return None


def restore(fd: int, original: int | None) -> None:
    """Point `fd` back at what `original` copied (closing the copy), or close it if None."""
    if original is None:
        close_fds([fd])
        return
    os.dup2(original, fd)
    os.close(original)


def bytes_available(fd: int) -> int:
    """How many bytes a pipe holds right now."""
    buffer = bytearray(4)
    fcntl.ioctl(fd, termios.FIONREAD, buffer)
    return int.from_bytes(buffer, sys.byteorder)


def write_all(fd: int | None, data: bytes) -> None:
    """Copy to a terminal or file; a closed or broken one must not break the step."""
    if fd is None:
        return
    try:
        written = os.write(fd, data)
        while written < len(data):
            written += os.write(fd, data[written:])
    except OSError:
        pass


def close_fds(fds: Iterable[int]) -> None:
    """Close each descriptor, ignoring those already closed."""
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def flush_streams() -> None:
    """Push buffered Python and C output to the descriptors before they are switched."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:
            pass  # a closed or broken stream the user left behind; nothing to push
    _flush_c_stdio()


def _flush_c_stdio() -> None:
    # C code printing through stdio buffers its output; without a flush it would surface
    # in a later step. Importing ctypes costs ~6 ms, so this only runs when something
    # (numpy does) has imported it already.
    if "ctypes" not in sys.modules:
        return
    with contextlib.suppress(Exception):
        _c_library().fflush(None)


@functools.cache
def _c_library() -> ctypes.CDLL:
    import ctypes

    return ctypes.CDLL(None)
