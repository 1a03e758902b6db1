"""Staging folders: where a save writes, and how the result is published under its hash.

On a local disk publishing is one `os.rename` of the whole folder, which is atomic: the
final folder appears complete or not at all, and when another save of equal bytes got
there first the rename fails and the staging folder is thrown away. Other filesystems
use `fs.mv`, with the weaker guarantees described in `artifact_store`.

Each folder's name says which process writes it (`staging_owners`), so the folders of
saves killed midway are removed once their process is gone: by the first save of each
process into the store, and by `prune`, which reports them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from dataclasses import dataclass
from typing import TYPE_CHECKING

from headwater.artifacts.staging_owners import current_owner, is_abandoned

if TYPE_CHECKING:
    from headwater.artifacts.filesystem import FileSystem
    from headwater.artifacts.location import StoreLocation

STAGING_FOLDER = ".tmp"
# What rename(2) says when the target folder exists and is not empty.
_FOLDER_TAKEN = (errno.ENOTEMPTY, errno.EEXIST)
# Emptied staging folders kept for reuse, per store: creating and removing a folder
# are the slowest parts of saving a small value that was saved before.
_MOST_SPARE_FOLDERS = 4


@dataclass(frozen=True, slots=True)
class StagingCleanup:
    """Staging folders left by saves that can never finish, removed (or to remove)."""

    folders: int
    size_bytes: int


class StagingArea:
    """Creates, publishes and discards the staging folders of one artifact store."""

    def __init__(self, location: StoreLocation) -> None:
        self._location = location
        self._spare_folders: list[str] = []
        self._owner_pid = 0  # the process that made the spare folders and cleaned up

    def create(self) -> str:
        """Return the path of a fresh, empty folder under the store's `.tmp/`."""
        if self._owner_pid != os.getpid():
            self._start_in_this_process()
        while self._spare_folders:
            with contextlib.suppress(IndexError):  # list.pop is atomic: safe across threads
                spare = self._spare_folders.pop()
                if os.path.isdir(spare):  # unless someone cleaned up `.tmp/` meanwhile
                    return spare
        name = f"{current_owner().prefix}-{os.urandom(8).hex()}"
        path = self._location.join(STAGING_FOLDER, name)
        if not self._location.is_local:
            self._location.fs.makedirs(path, exist_ok=True)
            return path
        try:
            os.mkdir(path)
        except FileNotFoundError:
            os.makedirs(path)
        return path

    def remove_abandoned(self, *, dry_run: bool = False) -> StagingCleanup:
        """Remove the staging folders of saves whose process is gone (see `staging_owners`).

        Only local stores are cleaned; elsewhere nothing is found.
        """
        if not self._location.is_local:
            return StagingCleanup(0, 0)
        root = self._location.join(STAGING_FOLDER)
        try:
            entries = [entry for entry in os.scandir(root) if entry.is_dir(follow_symlinks=False)]
        except FileNotFoundError:
            return StagingCleanup(0, 0)
        abandoned = [entry.path for entry in entries if _is_abandoned(entry)]
        size = sum(_folder_size(path) for path in abandoned)
        if not dry_run:
            for path in abandoned:
                shutil.rmtree(path, ignore_errors=True)  # another cleaner may be at it too
        return StagingCleanup(len(abandoned), size)

    def _start_in_this_process(self) -> None:
        # After a fork the spare folders are the parent's, which may still use them.
        self._spare_folders = []
        self._owner_pid = os.getpid()
        with contextlib.suppress(OSError):  # cleaning up must never fail a save
            self.remove_abandoned()

    def publish(self, staging: str, final: str) -> bool:
        """Move the staging folder to `final`, unless a folder is there already.

        Returns:
            True if the folder moved; False if equal content was there already, in which
            case the caller recycles the staging folder.
        """
        if not self._location.is_local:
            fs = self._location.fs
            if fs.exists(final):
                return False
            fs.makedirs(final.rsplit("/", 1)[0], exist_ok=True)
            _move_files(fs, staging, final)
            return True
        try:
            return _rename_unless_taken(staging, final)
        except FileNotFoundError:
            # The first artifact whose hash starts with these two characters.
            os.makedirs(os.path.dirname(final), exist_ok=True)
            return _rename_unless_taken(staging, final)

    def discard(self, staging: str) -> None:
        """Delete a staging folder and everything in it; a missing folder is fine."""
        if self._location.is_local:
            _remove_local_folder(staging, keep_folder=False)
            return
        with contextlib.suppress(OSError):
            if self._location.fs.exists(staging):
                self._location.fs.rm(staging, recursive=True)

    def recycle(self, staging: str) -> None:
        """Empty a staging folder whose content was already saved, to use it again."""
        if not self._location.is_local or len(self._spare_folders) >= _MOST_SPARE_FOLDERS:
            self.discard(staging)
            return
        _remove_local_folder(staging, keep_folder=True)
        self._spare_folders.append(staging)


def _move_files(fs: FileSystem, staging: str, final: str) -> None:
    """Move every file of `staging` under `final`, one by one.

    Not `fs.mv(recursive=True)`: on object stores (s3fs) it also copies the folder's own
    key, which does not exist there, and fails with NoSuchKey.
    """
    invalidate = getattr(fs, "invalidate_cache", None)
    if callable(invalidate):
        invalidate(staging)  # the listing cached before the materializer wrote is stale
    for source in fs.find(staging):
        fs.mv(source, final + source[len(staging) :])
    with contextlib.suppress(OSError):  # object stores have no folder left to remove
        if fs.exists(staging):
            fs.rm(staging, recursive=True)


def _is_abandoned(entry: os.DirEntry[str]) -> bool:
    try:
        return is_abandoned(entry.path, entry.name)
    except FileNotFoundError:
        return False  # published or removed meanwhile


def _folder_size(path: str) -> int:
    size = 0
    for root, _folders, files in os.walk(path):
        for name in files:
            with contextlib.suppress(FileNotFoundError):
                size += os.lstat(os.path.join(root, name)).st_size
    return size


def _rename_unless_taken(source: str, target: str) -> bool:
    try:
        os.rename(source, target)
    except OSError as exc:
        if exc.errno not in _FOLDER_TAKEN:
            raise
        return False
    return True


def _remove_local_folder(path: str, *, keep_folder: bool) -> None:
    # Leaner than shutil.rmtree, which costs each save of a small value ~30 µs more.
    try:
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    _remove_local_folder(entry.path, keep_folder=False)
                else:
                    os.unlink(entry.path)
        if not keep_folder:
            os.rmdir(path)
    except FileNotFoundError:
        pass
