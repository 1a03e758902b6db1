"""The filesystem a materializer writes through: fsspec's API, with a fast local version.

Remote artifact stores hand materializers an fsspec filesystem. Local stores hand them a
`LocalFileSystem`: the same method names and semantics for the common subset below, done
with `os` directly, because importing fsspec costs about 100 ms and each of its calls adds
overhead that a step saving a small value should not pay.
"""

from __future__ import annotations

import os
import shutil
from typing import IO, Any, Protocol


class FileSystem(Protocol):
    """The part of `fsspec.AbstractFileSystem` materializers may rely on."""

    def open(self, path: str, mode: str = "rb") -> IO[Any]:
        """Open a file; modes as for `open()` ('rb', 'wb', 'ab', 'r', 'w')."""
        ...

    def makedirs(self, path: str, exist_ok: bool = False) -> None:
        """Create a folder and its parents."""
        ...

    def exists(self, path: str) -> bool:
        """Whether a file or folder is at `path`."""
        ...

    def isdir(self, path: str) -> bool:
        """Whether `path` is a folder."""
        ...

    def isfile(self, path: str) -> bool:
        """Whether `path` is a file."""
        ...

    def ls(self, path: str, detail: bool = True) -> list[Any]:
        """List a folder; with `detail=False`, the full paths of its entries."""
        ...

    def find(self, path: str) -> list[str]:
        """Every file below `path`, as full paths."""
        ...

    def size(self, path: str) -> int:
        """The size of a file in bytes."""
        ...

    def cat_file(self, path: str, start: int | None = None, end: int | None = None) -> bytes:
        """The bytes of a file, optionally only `[start:end]`."""
        ...

    def pipe_file(self, path: str, value: bytes) -> None:
        """Write `value` as the whole content of a file."""
        ...

    def mv(self, path1: str, path2: str, recursive: bool = False) -> None:
        """Move a file or folder."""
        ...

    def rm(self, path: str, recursive: bool = False) -> None:
        """Delete a file, or a folder with `recursive=True`."""
        ...


class LocalFileSystem:
    """`FileSystem` on the local disk, implemented with `os` calls."""

    protocol = "file"

    def open(self, path: str, mode: str = "rb") -> IO[Any]:
        """Open a file; modes as for `open()` ('rb', 'wb', 'ab', 'r', 'w')."""
        return open(path, mode)  # the caller owns and closes the file

    def makedirs(self, path: str, exist_ok: bool = False) -> None:
        """Create a folder and its parents."""
        os.makedirs(path, exist_ok=exist_ok)

    def exists(self, path: str) -> bool:
        """Whether a file or folder is at `path`."""
        return os.path.exists(path)

    def isdir(self, path: str) -> bool:
        """Whether `path` is a folder."""
        return os.path.isdir(path)

    def isfile(self, path: str) -> bool:
        """Whether `path` is a file."""
        return os.path.isfile(path)

    def ls(self, path: str, detail: bool = True) -> list[Any]:
        """List a folder; with `detail=False`, the full paths of its entries."""
        with os.scandir(path) as entries:
            found = sorted(entries, key=lambda entry: entry.name)
        if not detail:
            return [entry.path for entry in found]
        return [
            {
                "name": entry.path,
                "size": entry.stat().st_size,
                "type": "directory" if entry.is_dir() else "file",
            }
            for entry in found
        ]

    def find(self, path: str) -> list[str]:
        """Every file below `path`, as full paths, sorted."""
        files: list[str] = []
        folders = [path]
        while folders:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    (folders if entry.is_dir(follow_symlinks=False) else files).append(entry.path)
        return sorted(files)

    def size(self, path: str) -> int:
        """The size of a file in bytes."""
        return os.path.getsize(path)

    def cat_file(self, path: str, start: int | None = None, end: int | None = None) -> bytes:
        """The bytes of a file, optionally only `[start:end]` (negative counts from the end)."""
        with open(path, "rb") as file:
            first, last, _ = slice(start, end).indices(os.fstat(file.fileno()).st_size)
            file.seek(first)
            return file.read(max(0, last - first))

    def pipe_file(self, path: str, value: bytes) -> None:
        """Write `value` as the whole content of a file."""
        with open(path, "wb") as file:
            file.write(value)

    def mv(self, path1: str, path2: str, recursive: bool = False) -> None:
        """Move a file or folder (a rename when both are on one disk)."""
        shutil.move(path1, path2)

    def rm(self, path: str, recursive: bool = False) -> None:
        """Delete a file, or a folder with `recursive=True`."""
        if recursive and os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
