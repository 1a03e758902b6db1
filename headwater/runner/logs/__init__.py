"""Per-step log capture: stdout, stderr and `logging` into one JSON-lines file per step."""

from __future__ import annotations

from headwater.runner.logs.capture import LogCapture, LogSink, get_log_capture
from headwater.runner.logs.records import (
    LOG,
    STDERR,
    STDOUT,
    LogLine,
    iter_log_lines,
    parse_log_lines,
)

__all__ = [
    "LOG",
    "STDERR",
    "STDOUT",
    "LogCapture",
    "LogLine",
    "LogSink",
    "get_log_capture",
    "iter_log_lines",
    "parse_log_lines",
]
