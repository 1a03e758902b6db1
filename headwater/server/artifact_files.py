"""Files of an artifact version and its visualizations, read from the artifact store.

Every path is resolved by the artifact store's location, which refuses anything outside
its root, and a file path a client sends must also stay inside the artifact's own folder:
`../` and absolute paths never leave it.
"""

from __future__ import annotations

import mimetypes
import posixpath
from collections.abc import Iterator

from headwater.artifacts.artifact_store import ArtifactStore
from headwater.artifacts.location import StoreLocation
from headwater.errors import ApiError, ArtifactError
from headwater.server.schemas import ArtifactFile
from headwater.store.models import ArtifactVersion, VisualizationType

STREAM_CHUNK_BYTES = 256 * 1024
_VISUALIZATION_MEDIA_TYPES = {
    VisualizationType.HTML: "text/html; charset=utf-8",
    VisualizationType.MARKDOWN: "text/markdown; charset=utf-8",
    VisualizationType.CSV: "text/csv; charset=utf-8",
    VisualizationType.JSON: "application/json",
    VisualizationType.CHART: "application/json",
    VisualizationType.TABLE: "application/json",
}


class ArtifactFiles:
    """Lists and streams the files under an artifact store's root, and nothing else."""

    def __init__(self, artifact_store: ArtifactStore) -> None:
        # The store's own location: opened with its connector's credentials, if any.
        self._location: StoreLocation = artifact_store.location

    def list_files(self, version: ArtifactVersion) -> list[ArtifactFile]:
        """Every file of the artifact version's folder (visualizations included).

        Raises:
            ArtifactError: the recorded URI is outside the store, or its bytes are gone.
        """
        folder = self._folder(version)
        fs = self._location.fs
        if fs.isfile(folder):
            return [ArtifactFile(path=posixpath.basename(folder), size_bytes=fs.size(folder))]
        return [
            ArtifactFile(path=path[len(folder) + 1 :], size_bytes=fs.size(path))
            for path in fs.find(folder)
        ]

    def file_path(self, version: ArtifactVersion, relative: str) -> str:
        """The store path of one file of the artifact version's folder.

        Raises:
            ApiError: the path leaves the artifact's folder, or no file is there.
            ArtifactError: the recorded URI is outside the store.
        """
        folder = self._folder(version)
        if relative.startswith("/") or "\\" in relative or "\x00" in relative:
            raise _outside(relative)
        try:
            resolved = self._location.resolve(self._location.uri(f"{folder}/{relative}"))
        except ArtifactError:
            raise _outside(relative) from None
        if not resolved.startswith(folder + "/"):
            raise _outside(relative)
        if not self._location.fs.isfile(resolved):
            raise ApiError(
                404,
                "not_found",
                f"Artifact '{version.artifact_name}' version {version.version} has no file "
                f"'{relative}'. List its files with GET .../files.",
            )
        return resolved

    def stream(self, path: str) -> Iterator[bytes]:
        """The bytes of a store path, in chunks."""
        with self._location.fs.open(path, "rb") as file:
            while chunk := file.read(STREAM_CHUNK_BYTES):
                yield chunk

    def visualization(self, version: ArtifactVersion, index: int) -> tuple[str, str]:
        """The store path and media type of the artifact version's `index`-th view.

        Raises:
            ApiError: there is no visualization with that index.
            ArtifactError: its URI is outside the store.
        """
        if not 0 <= index < len(version.visualizations):
            raise ApiError(
                404,
                "not_found",
                f"Artifact '{version.artifact_name}' version {version.version} has "
                f"{len(version.visualizations)} visualization(s); there is none at index {index}.",
            )
        view = version.visualizations[index]
        path = self._location.resolve(view.uri)
        if not path.startswith(self._folder(version) + "/"):
            raise ApiError(
                409,
                "location_not_allowed",
                f"The visualization '{view.name}' of artifact '{version.artifact_name}' is "
                f"recorded at '{view.uri}', outside the artifact's folder, so the server "
                f"will not read it.",
            )
        if not self._location.fs.isfile(path):
            raise ArtifactError(
                f"The visualization '{view.name}' of artifact '{version.artifact_name}' has no "
                f"file at '{view.uri}' any more (pruned or deleted)."
            )
        media_type = _VISUALIZATION_MEDIA_TYPES.get(view.type)
        if media_type is None:
            media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return path, media_type

    def _folder(self, version: ArtifactVersion) -> str:
        folder = self._location.resolve(version.uri).rstrip("/")
        if not self._location.fs.exists(folder):
            raise ArtifactError(
                f"Artifact '{version.artifact_name}' version {version.version} has no bytes at "
                f"'{version.uri}' any more (pruned or deleted). Rerun the step that made it."
            )
        return folder


def _outside(relative: str) -> ApiError:
    return ApiError(
        400,
        "path_outside_artifact",
        f"The file path '{relative}' leaves the artifact's folder. Use a path from the "
        f"artifact's file list, such as 'data.json'.",
    )
