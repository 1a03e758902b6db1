"""`LogCapture`: records everything a step writes to stdout, stderr and `logging`.

How it works, and why it is cheap (a few tens of microseconds per step):

- Once per process, one pipe per stream is made and one daemon thread waits on both.
- Entering a step points file descriptors 1 and 2 at the pipes (``dup2``), so C code and
  child processes write into them, and swaps `sys.stdout`/`sys.stderr` for streams that
  record Python writes synchronously, without a round trip through the pipe.
- The thread turns pipe bytes into records in the step's sink. Every record is written
  and flushed at once, so another process can tail a running step's log. Every byte is
  also copied (tee) to what fd 1 or 2 pointed at before the step: the terminal still
  shows the output.
- Leaving a step is the barrier: under the capture's lock, whatever is in the pipes at
  that moment is read and recorded, partial last lines included, and only then are the
  descriptors and streams put back. Nothing of step A can land in step B's log.
- Descriptors 1 and 2 belong to the whole process, so steps of pipelines run from
  several threads take turns (`turn`): one step of the process is captured at a time,
  the others wait. A thread running a pipeline (`pipeline_thread`) writes outside its
  own steps to the terminal, never into another thread's step; threads a step starts
  itself are the step's. What C code or a child process of such a bystander writes to
  descriptor 1 or 2 during another thread's step cannot be told apart and lands there.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import logging
import os
import select
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TextIO

from headwater.errors import HeadwaterError
from headwater.runner.logs.descriptors import (
    Pipe,
    bytes_available,
    close_fds,
    duplicate,
    flush_streams,
    open_pipe,
    pipe_above_stdio,
    restore,
    write_all,
)
from headwater.runner.logs.handler import ConsoleHandlers, StepLogHandler
from headwater.runner.logs.lines import LineSplitter
from headwater.runner.logs.records import LOG, STDERR, STDOUT, encode_record
from headwater.runner.logs.streams import open_captured_stream

if TYPE_CHECKING:
    from collections.abc import Iterator

logger = logging.getLogger(__name__)

_STREAM_NAMES = {1: STDOUT, 2: STDERR}
_READ_SIZE = 64 * 1024


class LogSink(Protocol):
    """Where a step's records go: a binary file, local or fsspec, opened by the runner."""

    # `object` return types let any binary file (whose write returns an int) be a sink.
    def write(self, data: bytes, /) -> object: ...

    def flush(self) -> object: ...


@dataclass(slots=True)
class _ActiveStep:
    """What one running step changed, so that leaving it can put everything back."""

    sink: LogSink
    originals: dict[int, int | None]
    streams: tuple[TextIO | None, TextIO | None]
    console_handlers: ConsoleHandlers
    # Where Python-level writes are copied when sys.stdout/sys.stderr did not write to
    # fd 1/2 (pytest's capsys, a notebook, redirect_stdout): that object, not the fd.
    text_copies: dict[int, TextIO | None]
    splitters: dict[int, LineSplitter] = field(
        default_factory=lambda: {fd: LineSplitter(name) for fd, name in _STREAM_NAMES.items()}
    )
    sink_error: Exception | None = None
    is_finished: bool = False
    # The thread that runs the step: output of other pipeline threads is not the step's.
    thread_id: int = field(default_factory=threading.get_ident)


class LogCapture:
    """Captures one step at a time; get the process-wide instance with `get_log_capture`.

    Example:
        >>> with get_log_capture().step(log_file):
        ...     print("goes to the step's log and to the terminal")
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._pipes: dict[int, Pipe] = {}
        self._wake_fds: tuple[int, int] | None = None
        self._reader: threading.Thread | None = None
        self._poller = select.poll()
        self._active: _ActiveStep | None = None
        self._streams: dict[int, io.TextIOWrapper] = {}
        self._handler = StepLogHandler(self)
        self._is_writing_sink = False
        self._has_process_hooks = False
        # Held by the thread whose step owns descriptors 1 and 2; reentrant, so a step
        # inside a step of the same thread reaches the refusal in `_begin` instead.
        self._turn = threading.RLock()
        # Threads running pipelines -> how many runs each is inside (see pipeline_thread).
        self._pipeline_threads: dict[int, int] = {}

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        """Wait until no step of another thread is captured, and keep the turn meanwhile."""
        with self._turn:
            yield

    @contextlib.contextmanager
    def pipeline_thread(self) -> Iterator[None]:
        """Mark this thread as running a pipeline while the block runs: outside its own
        steps, what it writes or logs goes to the terminal, not into another thread's step.
        """
        ident = threading.get_ident()
        with self._lock:
            self._pipeline_threads[ident] = self._pipeline_threads.get(ident, 0) + 1
        try:
            yield
        finally:
            with self._lock:
                remaining = self._pipeline_threads.pop(ident, 1) - 1
                if remaining > 0:
                    self._pipeline_threads[ident] = remaining

    @contextlib.contextmanager
    def step(self, sink: LogSink) -> Iterator[None]:
        """Record the block's stdout, stderr and `logging` records into `sink`.

        Args:
            sink: A binary file; it is flushed after every record and at the end.

        A step of another thread waits until the one captured now has ended.

        Raises:
            HeadwaterError: another step is being captured in this thread right now.
        """
        with self._turn:
            active = self._begin(sink)
            try:
                yield
            finally:
                self._end(active)

    def close(self) -> None:
        """Stop capturing and put descriptors 1 and 2 back; safe to call more than once."""
        with self._lock:
            active = self._active
            if active is not None:
                self._finish(active)
            pipes, wake_fds, reader = self._pipes, self._wake_fds, self._reader
            self._pipes, self._wake_fds, self._reader = {}, None, None
            self._poller = select.poll()
        if active is not None:
            active.console_handlers.restore()
        if reader is None or wake_fds is None:
            return
        os.write(wake_fds[1], b"x")
        reader.join(timeout=5.0)
        if reader.is_alive():
            return  # Blocked on a stuck terminal: leaking four descriptors beats reusing them.
        close_fds([fd for pipe in pipes.values() for fd in (pipe.read_fd, pipe.write_fd)])
        close_fds(list(wake_fds))

    # --- entering and leaving a step ------------------------------------------------------

    def _begin(self, sink: LogSink) -> _ActiveStep:
        flush_streams()  # what was printed before the step belongs to the terminal only
        # Outside the lock (handler locks are taken) and before the switch (flushed text
        # still reaches the terminal).
        console_handlers = ConsoleHandlers.divert()
        with self._lock:
            if self._active is not None:
                console_handlers.restore()
                raise HeadwaterError(
                    "Step output is already being captured for another step in this thread; "
                    "a step cannot run another step (or pipeline) inside itself in the same "
                    "thread. Run it after the step, or in a separate process."
                )
            self._start_pipes()
            originals = {fd: duplicate(fd) for fd in self._pipes}
            for fd, pipe in self._pipes.items():
                os.dup2(pipe.write_fd, fd)
            streams = (sys.stdout, sys.stderr)
            text_copies = {fd: _unless_on_descriptor(streams[fd - 1], fd) for fd in originals}
            active = _ActiveStep(sink, originals, streams, console_handlers, text_copies)
            self._active = active
            sys.stdout, sys.stderr = self._stream(1), self._stream(2)
        logging.root.addHandler(self._handler)
        return active

    def _end(self, active: _ActiveStep) -> None:
        logging.root.removeHandler(self._handler)
        flush_streams()
        active.console_handlers.restore()
        with self._lock:
            if self._active is active:
                self._finish(active)
            else:
                _restore(active)  # a forked child leaving its parent's step: record nothing
        if active.sink_error is not None:
            logger.warning(
                "The log of a step is incomplete: writing to its log file failed with %r. "
                "Check that the log location is writable and has space.",
                active.sink_error,
            )

    def _finish(self, active: _ActiveStep) -> None:
        """Record what the pipes still hold and every partial line, then restore; locked."""
        self._drain_pipes()
        self._write_sink(active, b"".join(s.finish() for s in active.splitters.values()))
        for stream in (active.sink, *active.text_copies.values()):
            with contextlib.suppress(Exception):
                if stream is not None:
                    stream.flush()
        self._active = None
        _restore(active)

    def _stream(self, fd: int) -> io.TextIOWrapper:
        stream = self._streams.get(fd)
        if stream is None or stream.closed:
            stream = self._streams[fd] = open_captured_stream(self, fd)
        return stream

    # --- recording ------------------------------------------------------------------------

    def write_stream(self, fd: int, data: bytes) -> None:
        """Record a Python-level write to `sys.stdout` (fd 1) or `sys.stderr` (fd 2)."""
        with self._lock:
            active = self._active
            if active is None or self._is_writing_sink:
                write_all(fd, data)  # a stale reference after the step, or a forked child
                return
            if self._is_bystander(active, threading.get_ident()):
                self._show_only(active, fd, data)
                return
            self._drain_pipes()  # keeps order with what C code and children wrote before
            text_copy = active.text_copies[fd]
            if text_copy is None:
                self._record(active, fd, data, time.time())
                return
            self._write_sink(active, active.splitters[fd].feed(data, time.time()))
            with contextlib.suppress(Exception):
                text_copy.write(data.decode("utf-8", "replace"))

    def write_log_record(self, record: logging.LogRecord, message: str) -> None:
        """Record a `logging` record, and show it if nothing else would have."""
        is_unshown = self._handler.is_only_handler_for(record)
        with self._lock:
            active = self._active
            if active is None or self._is_writing_sink:
                if is_unshown:
                    write_all(2, _terminal_line(message))
                return
            if self._is_bystander(active, record.thread):
                if is_unshown:
                    write_all(active.originals[2], _terminal_line(message))
                return
            self._drain_pipes()
            data = encode_record(
                record.created, LOG, message, level=record.levelname, logger=record.name
            )
            self._write_sink(active, data)
            if is_unshown:
                write_all(active.originals[2], _terminal_line(message))

    def _is_bystander(self, active: _ActiveStep, thread_id: int | None) -> bool:
        """Whether the writing thread runs a pipeline of its own, outside its steps."""
        return thread_id != active.thread_id and thread_id in self._pipeline_threads

    def _show_only(self, active: _ActiveStep, fd: int, data: bytes) -> None:
        """Show a bystander's Python-level write where it would have gone, unrecorded."""
        text_copy = active.text_copies[fd]
        if text_copy is None:
            write_all(active.originals[fd], data)
            return
        with contextlib.suppress(Exception):
            text_copy.write(data.decode("utf-8", "replace"))

    def _record(self, active: _ActiveStep, fd: int, data: bytes, now: float) -> None:
        self._write_sink(active, active.splitters[fd].feed(data, now))
        write_all(active.originals[fd], data)

    def _write_sink(self, active: _ActiveStep, data: bytes) -> None:
        if not data or active.sink_error is not None:
            return
        self._is_writing_sink = True  # a sink that logs or prints must not recurse into itself
        try:
            active.sink.write(data)
            active.sink.flush()
        except Exception as exc:
            active.sink_error = exc
        finally:
            self._is_writing_sink = False

    # --- the pipes and their reader ---------------------------------------------------------

    def _start_pipes(self) -> None:
        """Make the pipes and start the reader, the first time a step runs; locked."""
        if self._pipes:
            return
        self._pipes = {fd: open_pipe(fd) for fd in _STREAM_NAMES}
        for pipe in self._pipes.values():
            self._poller.register(pipe.read_fd, select.POLLIN)
        self._wake_fds = pipe_above_stdio()
        self._reader = threading.Thread(
            target=self._read_pipes,
            args=(tuple(self._pipes.values()), self._wake_fds[0]),
            name="headwater-log-capture",
            daemon=True,
        )
        self._reader.start()
        if not self._has_process_hooks:
            self._has_process_hooks = True
            atexit.register(self.close)
            os.register_at_fork(after_in_child=self._forget_parent)

    def _read_pipes(self, pipes: tuple[Pipe, ...], wake_fd: int) -> None:
        poller = select.poll()
        for fd in (*(pipe.read_fd for pipe in pipes), wake_fd):
            poller.register(fd, select.POLLIN)
        while True:
            events = poller.poll()
            if any(fd == wake_fd for fd, _ in events):
                return
            with self._lock:
                self._drain_pipes()

    def _drain_pipes(self) -> None:
        """Record exactly what the pipes hold now; locked, so no write is half-recorded."""
        if not self._pipes:
            return
        ready = self._poller.poll(0)
        if not ready:
            return
        now = time.time()
        by_read_fd = {pipe.read_fd: pipe for pipe in self._pipes.values()}
        for read_fd, _ in ready:
            pipe = by_read_fd[read_fd]
            # Reading only what is there now bounds the barrier even if a child keeps writing.
            remaining = bytes_available(read_fd)
            while remaining > 0:
                try:
                    chunk = os.read(read_fd, min(remaining, _READ_SIZE))
                except BlockingIOError:
                    break
                remaining -= len(chunk)
                self._route(pipe.fd, chunk, now)

    def _route(self, fd: int, data: bytes, now: float) -> None:
        if self._active is None:
            write_all(fd, data)  # between steps fd 1 and 2 are the originals again
        else:
            self._record(self._active, fd, data, now)

    def _forget_parent(self) -> None:
        """In a forked child: drop the parent's pipes and thread; writes go to fd 1 and 2."""
        self._lock = threading.RLock()
        self._turn = threading.RLock()  # the parent's holder does not exist here
        self._pipeline_threads = {}
        pipes, wake_fds = self._pipes, self._wake_fds
        self._pipes, self._wake_fds, self._reader = {}, None, None
        self._poller = select.poll()
        self._active = None
        self._is_writing_sink = False
        close_fds([fd for pipe in pipes.values() for fd in (pipe.read_fd, pipe.write_fd)])
        close_fds(list(wake_fds or ()))


_capture: LogCapture | None = None
_capture_lock = threading.Lock()


def get_log_capture() -> LogCapture:
    """The process-wide `LogCapture`, made on first use (no pipes or threads until a step)."""
    global _capture
    with _capture_lock:
        if _capture is None:
            _capture = LogCapture()
        return _capture


def _restore(active: _ActiveStep) -> None:
    """Put the streams and descriptors back as they were; idempotent."""
    if active.is_finished:
        return
    active.is_finished = True
    sys.stdout, sys.stderr = active.streams
    for fd, original in active.originals.items():
        restore(fd, original)


def _terminal_line(message: str) -> bytes:
    return (message + "\n").encode("utf-8", "backslashreplace")


def _unless_on_descriptor(stream: TextIO | None, fd: int) -> TextIO | None:
    """`stream`, unless it writes to `fd` itself (then the raw bytes are copied to fd)."""
    if stream is None:
        return None
    try:
        return None if stream.fileno() == fd else stream
    except (AttributeError, OSError, ValueError):
        return stream
