"""Where a team server lets artifact stores on its own disk live.

An artifact store registered through a team server names a location that the server
itself reads. On a local path that could be any file the server's user can read, so in
server mode a local artifact store must lie under a root the server's admin configured
(`HEADWATER_SERVER_ARTIFACT_ROOTS`, paths separated by `os.pathsep`; by default the
server's own artifact folder), and none may hold the server's own files: its home with
the token-signing secret, and its SQLite database. An fsspec URL that wraps the local
filesystem (`simplecache::file:///`, `dir::`, an archive) reads the same disk without a
plain path to check, so it is refused outright.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headwater.errors import ApiError

if TYPE_CHECKING:
    from headwater.artifacts.artifact_store import ArtifactStore
    from headwater.config import Settings

ROOTS_VARIABLE = "HEADWATER_SERVER_ARTIFACT_ROOTS"


@dataclass(frozen=True, slots=True)
class ArtifactRoots:
    """The local folders a team server's artifact stores may use, and what they may not
    hold."""

    allowed: tuple[Path, ...]
    protected: tuple[Path, ...]

    @classmethod
    def from_settings(cls, settings: Settings) -> ArtifactRoots:
        """The roots the environment names, else the server's default artifact folder."""
        configured = [part for part in os.environ.get(ROOTS_VARIABLE, "").split(os.pathsep) if part]
        if not configured and "://" not in settings.artifact_store_url:
            configured = [settings.artifact_store_url]
        protected = [settings.home]
        if settings.store_url.startswith("sqlite:///"):
            protected.append(Path(settings.store_url.removeprefix("sqlite:///")))
        return cls(
            allowed=tuple(_real(Path(path)) for path in configured),
            protected=tuple(_real(path) for path in protected),
        )

    def check(self, artifact_store: ArtifactStore, *, name: str) -> None:
        """Refuse an artifact store on a local path outside the allowed roots, or one
        holding the server's own files.

        Raises:
            ApiError: 400 `location_not_allowed`.
        """
        root_text = artifact_store.local_root
        if root_text is None:
            if _reaches_local_disk(artifact_store.location.fs):
                raise _refused(
                    name,
                    artifact_store.url,
                    "its fsspec URL reads the server's own disk through another filesystem "
                    "(a cache, a folder view or an archive); name a plain local path under "
                    "the configured roots instead",
                )
            return  # object stores and other remote filesystems hold no server file
        root = _real(Path(root_text))
        if any(_is_within(path, root) for path in self.protected):
            raise _refused(name, root, "it would hold the server's own files")
        if not any(_is_within(root, allowed) for allowed in self.allowed):
            allowed = ", ".join(f"'{a}'" for a in self.allowed) or "none"
            raise _refused(
                name,
                root,
                f"a team server keeps local artifact stores under its configured roots "
                f"({allowed}); an admin can add one with {ROOTS_VARIABLE}",
            )


def _reaches_local_disk(fs: Any) -> bool:
    """Whether an fsspec filesystem, or one it wraps, reads this machine's files."""
    from fsspec.archive import AbstractArchiveFileSystem
    from fsspec.implementations.local import LocalFileSystem

    seen: set[int] = set()
    pending = [fs]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        # An archive's bytes are a file somewhere, the server's disk included.
        if isinstance(current, LocalFileSystem | AbstractArchiveFileSystem):
            return True
        # Caches and folder views wrap `fs`; a reference filesystem holds `fss`.
        wrapped = getattr(current, "fs", None)
        if wrapped is not None:
            pending.append(wrapped)
        pending.extend(getattr(current, "fss", {}).values())
    return False


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path.expanduser()))


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _refused(name: str, root: Path | str, why: str) -> ApiError:
    return ApiError(
        400,
        "location_not_allowed",
        f"The artifact store '{name}' at '{root}' is not allowed on this server: {why}.",
    )
