"""Reading a window of a step's log without loading the whole file.

The log is read in chunks from the artifact store; lines are numbered by their position
in the file (from 0), so a client can page (`offset`, `limit`), search (`grep`) and poll a
running step for new lines (`offset=next_offset`). Only the lines returned are decoded,
and a search skips chunks that cannot hold a match.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from headwater.artifacts.artifact_store import ArtifactStore
from headwater.runner.logs import iter_log_lines
from headwater.server.schemas import LogSlice, StepLogLine

CHUNK_BYTES = 1024 * 1024
# JSON escapes only these in a message: text free of them appears in the raw bytes as is.
_ESCAPED = frozenset('"\\') | {chr(code) for code in range(0x20)}


@dataclass(frozen=True, slots=True)
class LogWindow:
    """Which lines to return: from line `offset`, at most `limit`, optionally filtered."""

    offset: int
    limit: int
    grep: str | None = None
    stream: str | None = None


def read_log_window(artifact_store: ArtifactStore, uri: str, window: LogWindow) -> LogSlice:
    """The lines of the log at `uri` that `window` asks for.

    Raises:
        ArtifactError: the URI is outside the artifact store, or no file is there.
    """
    needle = _raw_needle(window.grep)
    lines: list[StepLogLine] = []
    next_offset = window.offset
    for number, raw in _numbered_lines(artifact_store, uri, window.offset, needle):
        next_offset = number + 1
        line = _matching_line(number, raw, window)
        if line is not None:
            lines.append(line)
            if len(lines) == window.limit:
                return LogSlice(lines=lines, next_offset=next_offset, has_more=True)
    return LogSlice(lines=lines, next_offset=max(next_offset, window.offset), has_more=False)


def _matching_line(number: int, raw: bytes, window: LogWindow) -> StepLogLine | None:
    for line in iter_log_lines(raw, stream=window.stream, grep=window.grep):
        return StepLogLine(
            index=number,
            time=line.time,
            stream=line.stream,
            message=line.message,
            level=line.level,
            logger=line.logger,
        )
    return None


def _raw_needle(grep: str | None) -> bytes | None:
    """The bytes a matching line must contain, when the search text is escape-free."""
    if not grep or any(character in _ESCAPED for character in grep):
        return None
    return grep.encode("utf-8")


def _numbered_lines(
    artifact_store: ArtifactStore, uri: str, offset: int, needle: bytes | None
) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line) from line `offset` on; a torn last line is left out.

    With `needle`, lines that do not contain it are skipped without being yielded.
    """
    number = 0
    for block in _complete_blocks(artifact_store, uri):
        count = block.count(b"\n")
        if number + count <= offset or (needle is not None and needle not in block):
            number += count
            continue
        for raw in block.split(b"\n")[:-1]:
            if number >= offset and (needle is None or needle in raw):
                yield number, raw
            number += 1


def _complete_blocks(artifact_store: ArtifactStore, uri: str) -> Iterator[bytes]:
    """The file in chunks that each end just after a newline."""
    position = 0
    carry = b""
    while True:
        chunk = artifact_store.read_bytes(uri, position, position + CHUNK_BYTES)
        position += len(chunk)
        data = carry + chunk
        cut = data.rfind(b"\n") + 1
        if cut:
            yield data[:cut]
        carry = data[cut:]
        if len(chunk) < CHUNK_BYTES:
            return
