"""Where an artifact store lives, and the check that keeps every URI inside it."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from typing import Any

from headwater.artifacts.filesystem import FileSystem, LocalFileSystem
from headwater.errors import ArtifactError, ConfigurationError

_FILE_SCHEME = "file://"


@dataclass(frozen=True, slots=True)
class StoreLocation:
    """An artifact store's filesystem and root, and how its paths and URIs convert.

    Local stores (a path or a `file://` URL) use plain absolute paths as URIs; other stores
    use the filesystem's URLs, such as `s3://bucket/headwater/artifacts/ab/ab12...`.
    """

    fs: FileSystem
    root: str
    # The URL schemes this store's URIs may carry; empty for local stores.
    protocols: tuple[str, ...]

    @property
    def is_local(self) -> bool:
        """Whether the store is on the local disk, where renames are atomic."""
        return not self.protocols

    def join(self, *parts: str) -> str:
        """A path under the root, as the filesystem sees it."""
        return "/".join((self.root.rstrip("/"), *parts))

    def uri(self, path: str) -> str:
        """The URI recorded for a path of this store."""
        return path if self.is_local else f"{self.protocols[0]}://{path.lstrip('/')}"

    def resolve(self, uri: str, *, allow_root: bool = True) -> str:
        """Turn a URI into a path of this store, refusing any URI outside its root.

        Raises:
            ArtifactError: the URI is not under the store's root (after resolving '..' and,
                for local stores, symbolic links), or belongs to another filesystem.
        """
        path = self._local_path(uri) if self.is_local else self._remote_path(uri)
        if path.startswith(self.root.rstrip("/") + "/") or (allow_root and path == self.root):
            return path
        raise ArtifactError(
            f"The URI '{uri}' is outside the artifact store rooted at '{self.root}', so "
            f"Headwater will not read, load or delete it. Use a URI that this store "
            f"returned, or open an ArtifactStore on the location that holds it."
        )

    def _local_path(self, uri: str) -> str:
        path = uri.removeprefix(_FILE_SCHEME)
        if not os.path.isabs(path):
            return ""
        return os.path.realpath(path)

    def _remote_path(self, uri: str) -> str:
        scheme, separator, rest = uri.partition("://")
        if not separator or scheme not in self.protocols:
            return ""
        # Filesystems differ in whether their paths start with '/' (memory) or not (s3).
        prefix = "/" if self.root.startswith("/") else ""
        return posixpath.normpath(prefix + rest.lstrip("/"))


def open_location(url: str, storage_options: dict[str, Any] | None = None) -> StoreLocation:
    """Resolve an artifact store URL: a local path, `file://...`, or any fsspec URL.

    Args:
        url: Where the store lives.
        storage_options: Passed to the fsspec filesystem (credentials, endpoint...);
            a local path takes none.

    Raises:
        ConfigurationError: fsspec knows no filesystem for the URL's scheme, or the
            filesystem's package is not installed.
    """
    if "://" not in url or url.startswith(_FILE_SCHEME):
        path = os.path.realpath(os.path.expanduser(url.removeprefix(_FILE_SCHEME)))
        return StoreLocation(LocalFileSystem(), path, ())
    fs, root = _fsspec_filesystem(url, storage_options or {})
    protocols = (fs.protocol,) if isinstance(fs.protocol, str) else tuple(fs.protocol)
    return StoreLocation(fs, root.rstrip("/") or "/", protocols)


def _fsspec_filesystem(url: str, storage_options: dict[str, Any]) -> tuple[Any, str]:
    import fsspec.core  # imported here: about 100 ms, only paid by remote stores

    try:
        filesystem, root = fsspec.core.url_to_fs(url, **storage_options)
    except (ImportError, ValueError, TypeError) as exc:
        raise ConfigurationError(
            f"Cannot open the artifact store '{url}': {exc}. Use a local path or an fsspec "
            f"URL whose filesystem package is installed (for example `pip install s3fs` "
            f"for s3://)."
        ) from exc
    return filesystem, str(root)
