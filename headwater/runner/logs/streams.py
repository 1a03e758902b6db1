"""Text streams of a step: the `sys.stdout`/`sys.stderr` it sees, and the terminal's copy.

Python-level writes skip the pipe and its reader thread: they are recorded synchronously,
which is cheaper, keeps their order with `logging` records, and still works when
`sys.stdout` had been replaced (pytest, notebooks) before the step started.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Protocol

from headwater.runner.logs.descriptors import write_all

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class StreamWriter(Protocol):
    """What a captured stream hands its bytes to."""

    def write_stream(self, fd: int, data: bytes) -> None:
        """Record `data` written to the stream of file descriptor `fd` (1 or 2)."""


class CapturedBinaryStream(io.BufferedIOBase):
    """The `.buffer` under a captured text stream: every write goes to the capture."""

    def __init__(self, writer: StreamWriter, fd: int) -> None:
        super().__init__()
        self._writer = writer
        self._fd = fd

    @property
    def name(self) -> str:
        return "<stdout>" if self._fd == 1 else "<stderr>"

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer, /) -> int:
        chunk = bytes(data)
        self._writer.write_stream(self._fd, chunk)
        return len(chunk)

    def fileno(self) -> int:
        # Children given `stdout=sys.stdout` write to this descriptor: the capture's pipe.
        return self._fd

    def isatty(self) -> bool:
        # Output goes to a log file first; a terminal, if any, only gets a copy.
        return False


def open_captured_stream(writer: StreamWriter, fd: int) -> io.TextIOWrapper:
    """A text stream for `sys.stdout` (fd 1) or `sys.stderr` (fd 2) during a step."""
    return io.TextIOWrapper(
        CapturedBinaryStream(writer, fd),
        encoding="utf-8",
        errors="backslashreplace",
        newline="\n",
        # Like Python's own stdout on a terminal: one hand-over per line (or carriage
        # return, for progress bars), not one per `write`; the capture flushes at the end.
        line_buffering=True,
    )


class TerminalBinaryStream(io.BufferedIOBase):
    """Writes straight to a copy of the descriptor the terminal had before the step."""

    def __init__(self, fd: int | None) -> None:
        super().__init__()
        self._fd = fd

    @property
    def name(self) -> str:
        return f"<terminal fd {self._fd}>"

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer, /) -> int:
        chunk = bytes(data)
        write_all(self._fd, chunk)
        return len(chunk)


def open_terminal_stream(fd: int | None) -> io.TextIOWrapper:
    """A text stream onto `fd` that the capture does not record (None: discard)."""
    return io.TextIOWrapper(
        TerminalBinaryStream(fd), encoding="utf-8", errors="backslashreplace", line_buffering=True
    )
