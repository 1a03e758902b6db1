"""The content hash of an artifact folder: what makes equal bytes share one URI."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from headwater.artifacts.materializers.base import VISUALIZATIONS_FOLDER

if TYPE_CHECKING:
    from headwater.artifacts.filesystem import FileSystem

_CHUNK_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class FolderDigest:
    """The SHA-256 of a folder's data files and their total size."""

    sha256: str
    size_bytes: int


def hash_data_files(fs: FileSystem, folder: str) -> FolderDigest:
    """Hash every file below `folder` except visualizations, in a stable order.

    Each file contributes a line '<relative path>\\0<sha256 of its bytes>\\n', sorted by
    path, so renaming a file changes the hash as surely as changing its bytes does.
    """
    prefix = folder.rstrip("/") + "/"
    files = sorted(
        (path[len(prefix) :], path)
        for path in fs.find(folder)
        if not path[len(prefix) :].startswith(VISUALIZATIONS_FOLDER + "/")
    )
    manifest = hashlib.sha256()
    size = 0
    for relative, path in files:
        file_hash = hashlib.sha256()
        with fs.open(path, "rb") as file:
            while chunk := file.read(_CHUNK_BYTES):
                file_hash.update(chunk)
                size += len(chunk)
        manifest.update(f"{relative}\0{file_hash.hexdigest()}\n".encode())
    return FolderDigest(manifest.hexdigest(), size)
