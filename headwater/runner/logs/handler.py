"""Logging during a step: the handler that records records, and console handlers set aside."""

from __future__ import annotations

import logging
from typing import Protocol, TextIO

from headwater.runner.logs.descriptors import close_fds, duplicate
from headwater.runner.logs.streams import open_terminal_stream


class LogRecordWriter(Protocol):
    """What the handler hands formatted records to."""

    def write_log_record(self, record: logging.LogRecord, message: str) -> None:
        """Record one formatted `logging` record."""


class StepLogHandler(logging.Handler):
    """Attached to the root logger while a step runs; one instance per process, reused."""

    def __init__(self, writer: LogRecordWriter) -> None:
        super().__init__()
        self._writer = writer

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = self.format(record)
        except Exception:
            self.handleError(record)
            return
        self._writer.write_log_record(record, message)

    def is_only_handler_for(self, record: logging.LogRecord) -> bool:
        """Whether `logging` would have shown `record` through its last-resort handler.

        With no handler configured, `logging` prints warnings and errors to stderr. Our
        handler on the root logger switches that fallback off, so the capture shows such
        records on the terminal itself: a step's warnings stay visible as they were.
        """
        last_resort = logging.lastResort
        if last_resort is None or record.levelno < last_resort.level:
            return False
        found = logging.root.manager.loggerDict.get(record.name)
        logger: logging.Logger | None = found if isinstance(found, logging.Logger) else None
        logger = logger or logging.root
        while logger is not None:
            if any(handler is not self for handler in logger.handlers):
                return False
            logger = logger.parent if logger.propagate else None
        return True


class ConsoleHandlers:
    """Root `StreamHandler`s writing to fd 1 or 2, pointed at the terminal for a step.

    After `logging.basicConfig()`, every record would reach the log twice: once from
    `StepLogHandler` and once as the console handler's text on stderr, which now flows
    into the capture's pipe. Writing that text to a copy of the descriptor as it was
    before the step keeps it on the terminal and out of the log. Handlers on other
    loggers are not looked at: scanning every logger would cost more than the capture.
    """

    def __init__(
        self, diverted: list[tuple[logging.StreamHandler[TextIO], TextIO]], fds: list[int]
    ) -> None:
        self._diverted = diverted
        self._fds = fds

    @classmethod
    def divert(cls) -> ConsoleHandlers:
        """Divert the root's console handlers; call before descriptors 1 and 2 switch.

        Call it without holding a lock a console handler's stream might need: it takes
        each handler's lock.
        """
        terminals: dict[int, int | None] = {}
        diverted = []
        for handler in logging.root.handlers:
            fd = _console_fd(handler)
            if fd is None or not isinstance(handler, logging.StreamHandler):
                continue
            if fd not in terminals:
                terminals[fd] = duplicate(fd)
            previous = handler.setStream(open_terminal_stream(terminals[fd]))
            if previous is not None:
                diverted.append((handler, previous))
        return cls(diverted, [fd for fd in terminals.values() if fd is not None])

    def restore(self) -> None:
        """Give each diverted handler its own stream back; idempotent."""
        diverted, fds = self._diverted, self._fds
        self._diverted, self._fds = [], []
        for handler, previous in diverted:
            handler.setStream(previous)
        close_fds(fds)


def _console_fd(handler: logging.Handler) -> int | None:
    if not isinstance(handler, logging.StreamHandler) or isinstance(handler, logging.FileHandler):
        return None
    try:
        fd = handler.stream.fileno()
    except (AttributeError, OSError, ValueError):
        return None  # an in-memory stream (pytest's, StringIO): it never reaches fd 1 or 2
    return fd if fd in (1, 2) else None
