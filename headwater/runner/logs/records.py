"""The on-disk form of a step's log: one JSON object per line, and reading it back.

Each record is ``{"t": <ISO-8601 UTC, microseconds>, "s": "stdout"|"stderr"|"log",
"m": <text without its newline>}``; records of ``logging`` calls add ``"l"`` (the level
name) and ``"n"`` (the logger name).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from json.encoder import encode_basestring

STDOUT = "stdout"
STDERR = "stderr"
LOG = "log"

# json's C string encoder (quotes included); without ensure_ascii, so text stays readable.
_quote = encode_basestring


@dataclass(frozen=True, slots=True)
class LogLine:
    """One captured line of a step's output, or one ``logging`` record."""

    time: dt.datetime
    stream: str
    message: str
    level: str | None = None
    logger: str | None = None


def encode_record(
    timestamp: float,
    stream: str,
    message: str,
    *,
    level: str | None = None,
    logger: str | None = None,
) -> bytes:
    """One JSON line for the log file; `timestamp` is seconds since the epoch."""
    # Built by hand rather than with json.dumps: this runs for every line a step prints,
    # and the C string encoder alone is several times faster than dumping a dict.
    text = f'{{"t":"{format_time(timestamp)}","s":{_quote(stream)},"m":{_quote(message)}'
    if level is not None:
        text += f',"l":{_quote(level)},"n":{_quote(logger or "")}'
    # A logging message may hold lone surrogates; escaping them keeps the line valid JSON.
    return (text + "}\n").encode("utf-8", "backslashreplace")


def format_time(timestamp: float) -> str:
    """ISO-8601 in UTC, always with microseconds, e.g. '2026-01-01T12:00:00.000001+00:00'."""
    seconds, microseconds = divmod(round(timestamp * 1_000_000), 1_000_000)
    return f"{_format_second(seconds)}.{microseconds:06d}+00:00"


@functools.lru_cache(maxsize=4)
def _format_second(seconds: int) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def parse_log_lines(data: bytes) -> list[LogLine]:
    """Read a step's log file back into lines, oldest first.

    A running step's log may end in a half-written record; it is skipped, as is any other
    line that is not a log record, so reading a live log never fails.

    Args:
        data: The raw bytes of a log file.

    Returns:
        Every complete record as a `LogLine`.
    """
    return list(iter_log_lines(data))


def iter_log_lines(
    data: bytes, *, stream: str | None = None, grep: str | None = None
) -> Iterator[LogLine]:
    """Yield the log's lines, optionally only one stream's or only those containing text.

    Args:
        data: The raw bytes of a log file.
        stream: Keep only this stream: 'stdout', 'stderr' or 'log'.
        grep: Keep only lines whose message contains this text (case-sensitive).
    """
    for raw in data.split(b"\n"):
        line = _decode_line(raw)
        if line is None:
            continue
        if stream is not None and line.stream != stream:
            continue
        if grep is not None and grep not in line.message:
            continue
        yield line


def _decode_line(raw: bytes) -> LogLine | None:
    if not raw.strip():
        return None
    try:
        record = json.loads(raw)
        time, stream, message = record["t"], record["s"], record["m"]
        if not (isinstance(time, str) and isinstance(stream, str) and isinstance(message, str)):
            return None
        return LogLine(
            time=dt.datetime.fromisoformat(time),
            stream=stream,
            message=message,
            level=record.get("l"),
            logger=record.get("n"),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        # A torn last record of a running step, or bytes that are not ours.
        return None
