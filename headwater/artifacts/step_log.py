"""`StepLog`: a step's log file, made only when the step writes its first byte.

Most steps print nothing; creating a folder and a file for each of them was a good part
of a step's cost (issue 19). The step run still records where its log would be, and
readers take a missing file for an empty log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO, cast

if TYPE_CHECKING:
    from types import TracebackType

    from headwater.artifacts.filesystem import FileSystem


class StepLog:
    """A binary sink for one step's log records, opened for appending on first write."""

    def __init__(self, fs: FileSystem, path: str) -> None:
        self._fs = fs
        self._path = path
        self._file: BinaryIO | None = None

    @property
    def is_written(self) -> bool:
        """Whether anything was written, so that the file exists."""
        return self._file is not None

    def write(self, data: bytes, /) -> int:
        """Append `data`, creating the log file first if this is the first write."""
        if self._file is None:
            if not data:
                return 0
            self._file = self._open()
        return self._file.write(data)

    def flush(self) -> None:
        """Flush what was written so another process can tail the log."""
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Close the file, if one was made; safe to call more than once."""
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> StepLog:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _open(self) -> BinaryIO:
        fs = self._fs
        fs.makedirs(self._path.rsplit("/", 1)[0], exist_ok=True)
        try:
            return cast("BinaryIO", fs.open(self._path, "ab"))
        except (NotImplementedError, ValueError):  # filesystems that cannot append (S3)
            return cast("BinaryIO", fs.open(self._path, "wb"))
