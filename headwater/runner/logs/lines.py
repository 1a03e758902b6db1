"""`LineSplitter`: turns one stream's byte chunks into timestamped log records."""

from __future__ import annotations

from headwater.runner.logs.records import encode_record

# Longer lines are cut into pieces of at most this many bytes, so one runaway line (a
# progress bar without newlines, a dumped array) cannot grow a record without bound.
MAX_LINE_BYTES = 64 * 1024


class LineSplitter:
    """Splits one stream's bytes into lines; a line without its newline waits for more.

    A line is stamped with the time its first byte arrived.
    """

    __slots__ = ("_partial", "_partial_time", "stream")

    def __init__(self, stream: str) -> None:
        self.stream = stream
        self._partial = bytearray()
        self._partial_time = 0.0

    def feed(self, data: bytes, now: float) -> bytes:
        """Take `data` written at `now`; return the records of every line it completes."""
        if not data:
            return b""
        if not self._partial and data.find(b"\n") == len(data) - 1 <= MAX_LINE_BYTES:
            return self._encode(data[:-1], now)  # the common case: exactly one whole line
        if not self._partial:
            self._partial_time = now
        self._partial += data
        if b"\n" not in data and len(self._partial) <= MAX_LINE_BYTES:
            return b""
        records = []
        lines = self._partial.split(b"\n")
        for line in lines[:-1]:
            records.append(self._encode(line, self._partial_time))
            self._partial_time = now
        self._partial = lines[-1]
        while len(self._partial) > MAX_LINE_BYTES:
            cut = _utf8_boundary(self._partial, MAX_LINE_BYTES)
            records.append(self._encode(self._partial[:cut], self._partial_time))
            del self._partial[:cut]
            self._partial_time = now
        return b"".join(records)

    def finish(self) -> bytes:
        """The record of a last line that never got its newline, if there is one."""
        if not self._partial:
            return b""
        record = self._encode(self._partial, self._partial_time)
        self._partial = bytearray()
        return record

    def _encode(self, line: bytes | bytearray, timestamp: float) -> bytes:
        if len(line) > MAX_LINE_BYTES:
            return b"".join(
                self._encode(piece, timestamp) for piece in _pieces(line, MAX_LINE_BYTES)
            )
        if line.endswith(b"\r"):
            line = line[:-1]
        return encode_record(timestamp, self.stream, line.decode("utf-8", "replace"))


def _pieces(line: bytes | bytearray, size: int) -> list[bytes | bytearray]:
    pieces = []
    while len(line) > size:
        cut = _utf8_boundary(line, size)
        pieces.append(line[:cut])
        line = line[cut:]
    pieces.append(line)
    return pieces


def _utf8_boundary(data: bytes | bytearray, limit: int) -> int:
    """The largest cut at or below `limit` that does not split a UTF-8 character."""
    cut = limit
    # A UTF-8 character is at most 4 bytes: step back over at most 3 continuation bytes.
    while cut > limit - 3 and (data[cut] & 0xC0) == 0x80:
        cut -= 1
    return cut if (data[cut] & 0xC0) != 0x80 else limit
