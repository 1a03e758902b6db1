"""The artifact store: values saved atomically into content-addressed folders via fsspec.

Layout under the store's root (a local path or any fsspec URL):

```
artifacts/<hash[:2]>/<hash>/          one folder per distinct content: data files, and
artifacts/<hash[:2]>/<hash>/_visualizations/   views of them (not part of the hash)
logs/<run_id>/<step_name>.log         step logs (a name that is not file-safe gets a
                                      suffix of its hash, so names never share a file)
.tmp/<owner>-<random>/                saves in progress (see `staging`)
.locks/                               the lock between saves and prunes (`prune_lock`)
```

A save lets the materializer write into a fresh folder under `.tmp/`, hashes the data
files, then renames the folder to `artifacts/<hash[:2]>/<hash>`. On a local disk the
rename is atomic, so a crash leaves at most a folder under `.tmp/`, and two processes
saving equal bytes end with one folder and one URI. Other filesystems move the folder
with `fs.mv`, which object stores such as S3 do file by file: there a crash mid-move can
leave a partial final folder, and two concurrent saves of equal bytes may both write it
(with equal content, so readers still see the right bytes).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from headwater.artifacts.content_hash import FolderDigest, hash_data_files
from headwater.artifacts.location import open_location
from headwater.artifacts.materializers.base import Materializer
from headwater.artifacts.materializers.class_paths import import_path, load_class
from headwater.artifacts.materializers.cloudpickle_fallback import CloudpickleMaterializer
from headwater.artifacts.materializers.containers import ContainerMaterializer
from headwater.artifacts.prune_lock import PruneLock
from headwater.artifacts.staging import StagingArea, StagingCleanup
from headwater.artifacts.step_log import StepLog
from headwater.artifacts.visualization import SavedVisualization
from headwater.errors import (
    ArtifactError,
    HeadwaterError,
    MaterializerError,
    VisualizationError,
)
from headwater.metadata_types import StorageSize

if TYPE_CHECKING:
    from collections.abc import Callable

    from headwater.artifacts.location import StoreLocation

__all__ = ["ArtifactStore", "SavedArtifact", "SavedVisualization", "StagingCleanup"]

logger = logging.getLogger(__name__)

_UNSAFE_NAME_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_KNOWN_FITS: set[tuple[type, type]] = set()
# Materializers that can load what they saved without importing the value's class.
_PICKLING_MATERIALIZERS = (CloudpickleMaterializer, ContainerMaterializer)


@dataclass(frozen=True, slots=True)
class SavedArtifact:
    """What the store knows about a value once its bytes are safely in place."""

    uri: str
    content_hash: str  # sha256 hex over the data files (not the visualizations)
    size_bytes: int  # bytes of the data files
    data_type: str  # import path of the value's class, such as 'numpy.ndarray'
    materializer: str  # import path of the materializer class that saved it
    # Extracted by the materializer, plus 'storage_size'; values are JSON-like.
    metadata: dict[str, Any]
    visualizations: tuple[SavedVisualization, ...]


class ArtifactStore:
    """Saves values as content-addressed artifacts, loads them, and keeps step logs.

    Example:
        ```python
        store = ArtifactStore("~/.headwater/artifacts")  # or "s3://bucket/headwater"
        saved = store.save([1, 2, 3], find_materializer(list))
        store.load(saved.uri, saved.materializer, saved.data_type)  # [1, 2, 3]
        ```

    Args:
        url: A local path, a `file://` URL, or any fsspec URL (`memory://`, `s3://`, ...).
        storage_options: Passed to the fsspec filesystem, such as s3fs's `key`, `secret`
            and `client_kwargs` (a service connector's credentials).

    Raises:
        ConfigurationError: fsspec has no filesystem for the URL, or its package is missing.
    """

    def __init__(self, url: str, *, storage_options: dict[str, Any] | None = None) -> None:
        self.url = url
        self._location: StoreLocation = open_location(url, storage_options)
        self._staging = StagingArea(self._location)
        self._prune_lock = PruneLock(self._location)

    def __repr__(self) -> str:
        return f"ArtifactStore({self.url!r})"

    @property
    def local_root(self) -> str | None:
        """The store's folder on this machine's disk, or None for remote filesystems."""
        if self._location.is_local or {"file", "local"} & set(self._location.protocols):
            return self._location.root
        return None

    @property
    def location(self) -> StoreLocation:
        """The store's filesystem (opened with its storage options) and root."""
        return self._location

    @property
    def root_uri(self) -> str:
        """The URI of the store's root folder."""
        return self._location.uri(self._location.root)

    # User values pass through save and load, hence `Any`.
    def save(
        self,
        data: Any,
        materializer: type[Materializer],
        *,
        before_publish: Callable[[list[str]], None] | None = None,
    ) -> SavedArtifact:
        """Save `data` with `materializer`; equal bytes always get the same URI.

        `before_publish` gets that URI once the bytes are hashed, before they are moved
        there or an equal copy there is kept: a step claims the folder with it, so no
        prune deletes it before the output is recorded (`sql/artifact_claims.py`).

        Raises:
            MaterializerError: the materializer does not handle the value's type, or it
                raised while saving or describing the value.
            ArtifactError: the store's location cannot be written.
        """
        return self.save_all([(data, materializer)], before_publish=before_publish)[0]

    def save_all(
        self,
        values: Sequence[tuple[Any, type[Materializer]]],
        *,
        before_publish: Callable[[list[str]], None] | None = None,
    ) -> list[SavedArtifact]:
        """Save each `(data, materializer)` as `save` does, with one `before_publish` call
        for all their URIs: a step's outputs cost one claim, however many they are.

        Raises:
            MaterializerError, ArtifactError: as `save`; nothing is published then.
        """
        for data, materializer in values:
            _check_materializer_fits(materializer, type(data))
        staged: list[_Staged] = []
        saved: list[SavedArtifact] = []
        try:
            for data, materializer in values:
                staged.append(self._stage(data, materializer))
            if before_publish is not None and staged:
                before_publish([self._location.uri(s.final) for s in staged])
            for ready in staged:
                saved.append(self._publish(ready))
            return saved
        except BaseException:
            # Published folders are final (or recycled for reuse): only the rest go.
            for leftover in staged[len(saved) :]:
                self._staging.discard(leftover.staging)
            raise

    def saving(self) -> contextlib.AbstractContextManager[None]:
        """Keep prunes out while saved bytes are not yet recorded (see `prune_lock`).

        Hold it from before the first `save` (or existence check) of a step's outputs until
        the records pointing at them are committed.
        """
        return self._prune_lock.saving()

    def pruning(self) -> contextlib.AbstractContextManager[None]:
        """Keep saves out while a prune picks unused folders and deletes them."""
        return self._prune_lock.pruning()

    def remove_abandoned_saves(self, *, dry_run: bool = False) -> StagingCleanup:
        """Remove what saves killed midway left under `.tmp/` (their process is gone).

        Args:
            dry_run: Only count the folders and their bytes.
        """
        return self._staging.remove_abandoned(dry_run=dry_run)

    def load(self, uri: str, materializer: str, data_type: str) -> Any:
        """Load the artifact at `uri` with the materializer and type it was saved with.

        Args:
            uri: The artifact's URI, as `save` returned it.
            materializer: The import path of the materializer class that saved it.
            data_type: The import path of the saved value's class.

        Raises:
            ArtifactError: the URI is outside this store, nothing is saved there, or the
                materializer class cannot be imported.
            MaterializerError: the materializer raised while loading.
        """
        path = self._location.resolve(uri)
        materializer_class = _materializer_class(materializer)
        loader = materializer_class(self._location.uri(path), self._location.fs)
        try:
            return loader.load(_data_type(data_type, materializer_class))
        except (Warning, HeadwaterError):
            raise  # warnings turned into errors, and our own errors, pass unchanged
        except Exception as exc:
            if not self._location.fs.exists(path):
                raise ArtifactError(
                    f"No artifact is saved at '{uri}': it was deleted or never finished "
                    f"saving. Run the step that produced it again, with its cache off."
                ) from exc
            raise MaterializerError(
                f"Materializer '{materializer}' failed to load the artifact at '{uri}' as "
                f"'{data_type}': {type(exc).__name__}: {exc}. Load it with the library "
                f"versions that saved it, or fix the materializer's load()."
            ) from exc

    def exists(self, uri: str) -> bool:
        """Whether something is saved at `uri` in this store (False for outside URIs)."""
        try:
            path = self._location.resolve(uri)
        except ArtifactError:
            return False
        return self._location.fs.exists(path)

    def contains(self, uri: str) -> bool:
        """Whether `uri` lies inside this store, whether or not anything is saved there."""
        try:
            self._location.resolve(uri)
        except ArtifactError:
            return False
        return True

    def artifact_uri(self, content_hash: str) -> str:
        """The URI of the folder that holds the artifact whose data hash to `content_hash`.

        Raises:
            ArtifactError: `content_hash` is not a sha256 hex digest.
        """
        if not _SHA256_HEX.fullmatch(content_hash):
            raise ArtifactError(
                f"'{content_hash[:80]}' is not a content hash: an artifact's hash is the 64 "
                f"lowercase hex digits of a sha256 digest."
            )
        return self._location.uri(self._artifact_path(content_hash))

    def log_uri(self, run_id: str, step_name: str) -> str:
        """The URI of the log of one step of one run; distinct names get distinct files."""
        return self._location.uri(self._log_path(run_id, step_name))

    def open_log(self, run_id: str, step_name: str) -> tuple[str, StepLog]:
        """The log of one step of one run, for appending bytes.

        Returns:
            The log's URI and its sink, which makes the file on the first write (a step
            that prints nothing leaves none); the caller closes it. Filesystems that
            cannot append (such as S3) start the file afresh.
        """
        path = self._log_path(run_id, step_name)
        return self._location.uri(path), StepLog(self._location.fs, path)

    def read_bytes(self, uri: str, start: int = 0, end: int | None = None) -> bytes:
        """The bytes `[start:end]` of the file at `uri` (negative values count from the end).

        Raises:
            ArtifactError: the URI is outside this store, or no file is there.
        """
        path = self._location.resolve(uri)
        try:
            return self._location.fs.cat_file(path, start=start, end=end)
        except (FileNotFoundError, IsADirectoryError) as exc:
            raise ArtifactError(
                f"No file is at '{uri}' in the artifact store '{self.url}'. Use the URI of "
                f"a file (a log or a visualization), not of an artifact's folder."
            ) from exc

    def delete(self, uri: str) -> None:
        """Delete the artifact, visualization or log at `uri`; nothing there is fine.

        Raises:
            ArtifactError: the URI is outside this store, or is its root.
        """
        path = self._location.resolve(uri, allow_root=False)
        fs = self._location.fs
        if fs.exists(path):
            fs.rm(path, recursive=True)

    def _artifact_path(self, content_hash: str) -> str:
        return self._location.join("artifacts", content_hash[:2], content_hash)

    def _log_path(self, run_id: str, step_name: str) -> str:
        return self._location.join("logs", _safe_name(run_id), f"{_unique_name(step_name)}.log")

    def _stage(self, data: Any, materializer: type[Materializer]) -> _Staged:
        try:
            staging = self._staging.create()
            try:
                return self._stage_into(staging, data, materializer)
            except BaseException:
                self._staging.discard(staging)
                raise
        except OSError as exc:
            raise _unwritable(self.url, data, exc) from exc

    def _stage_into(self, staging: str, data: Any, materializer: type[Materializer]) -> _Staged:
        location = self._location
        staging_uri = location.uri(staging)
        saver = materializer(staging_uri, location.fs)
        with _failures_named(saver, data, staging_uri):
            saver.save(data)
            metadata = saver.extract_metadata(data)
        views = _visualizations_of(saver, data)
        digest = hash_data_files(location.fs, staging)
        final = self._artifact_path(digest.sha256)
        return _Staged(staging, final, data, materializer, metadata, views, digest)

    def _publish(self, staged: _Staged) -> SavedArtifact:
        location = self._location
        staging_uri = location.uri(staged.staging)
        final_uri = location.uri(staged.final)
        try:
            if not self._staging.publish(staged.staging, staged.final):
                self._keep_missing_visualizations(staged.views, staging_uri, final_uri)
                self._staging.recycle(staged.staging)
        except OSError as exc:
            raise _unwritable(self.url, staged.data, exc) from exc
        digest = staged.digest
        return SavedArtifact(
            uri=final_uri,
            content_hash=digest.sha256,
            size_bytes=digest.size_bytes,
            data_type=import_path(type(staged.data)),
            materializer=import_path(staged.materializer),
            metadata={**staged.metadata, "storage_size": StorageSize(digest.size_bytes)},
            visualizations=tuple(_rebased(v, staging_uri, final_uri) for v in staged.views),
        )

    def _keep_missing_visualizations(
        self, views: list[SavedVisualization], staging_uri: str, final_uri: str
    ) -> None:
        # Equal data may have been saved before by a materializer drawing other views.
        fs = self._location.fs
        for view in views:
            target = _rebased(view, staging_uri, final_uri).uri
            if not fs.exists(target):
                fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
                fs.mv(view.uri, target)


def _check_materializer_fits(materializer: type[Materializer], data_type: type) -> None:
    # Remembered: a pipeline saves the same few (materializer, type) pairs over and over.
    if (materializer, data_type) in _KNOWN_FITS:
        return
    if not (isinstance(materializer, type) and issubclass(materializer, Materializer)):
        raise MaterializerError(
            f"Cannot save a value of type '{import_path(data_type)}' with '{materializer!r}': "
            f"it is not a Materializer subclass. Pass a subclass of "
            f"headwater.artifacts.Materializer."
        )
    if not materializer.can_handle(data_type):
        handled = ", ".join(
            kind if isinstance(kind, str) else import_path(kind)
            for kind in materializer.ASSOCIATED_TYPES
        )
        raise MaterializerError(
            f"Materializer '{import_path(materializer)}' cannot save a value of type "
            f"'{import_path(data_type)}': it handles only ({handled}). Add the type to its "
            f"ASSOCIATED_TYPES, or choose another in @step(output_materializers=...)."
        )
    _KNOWN_FITS.add((materializer, data_type))


@contextlib.contextmanager
def _failures_named(saver: Materializer, data: Any, uri: str) -> Iterator[None]:
    try:
        yield
    except (Warning, HeadwaterError):
        raise  # warnings turned into errors, and our own errors, pass unchanged
    except Exception as exc:
        raise MaterializerError(
            f"Materializer '{import_path(type(saver))}' failed to save a value of type "
            f"'{import_path(type(data))}' into '{uri}': {type(exc).__name__}: {exc}. Fix the "
            f"materializer, or choose another in @step(output_materializers=...)."
        ) from exc


def _visualizations_of(saver: Materializer, data: Any) -> list[SavedVisualization]:
    # A view that fails to draw should not fail the step whose output it would show, but a
    # malformed chart or table is the materializer author's to fix: it is raised.
    try:
        return saver.save_visualizations(data)
    except (Warning, VisualizationError):
        raise
    except Exception:
        logger.warning(
            "Materializer '%s' failed to draw visualizations of a '%s'; saving it without.",
            import_path(type(saver)),
            import_path(type(data)),
            exc_info=True,
        )
        return []


def _rebased(view: SavedVisualization, old_prefix: str, new_prefix: str) -> SavedVisualization:
    if not view.uri.startswith(old_prefix + "/"):
        return view
    return SavedVisualization(view.type, new_prefix + view.uri[len(old_prefix) :], view.name)


def _materializer_class(path: str) -> type[Materializer]:
    found = load_class(path)
    if not issubclass(found, Materializer):
        raise MaterializerError(
            f"'{path}' is recorded as a materializer but is not a Materializer subclass. "
            f"Load the artifact with the materializer that saved it."
        )
    return found


def _data_type(path: str, materializer: type[Materializer]) -> type:
    try:
        return load_class(path)
    except ArtifactError:
        # A pickle carries its class, which may not import (defined in a function, say).
        if issubclass(materializer, _PICKLING_MATERIALIZERS):
            return object
        raise


def _safe_name(name: str) -> str:
    cleaned = _UNSAFE_NAME_CHARACTERS.sub("_", name)
    return "_" + cleaned if cleaned in ("", ".", "..") or cleaned.startswith(".") else cleaned


def _unique_name(name: str) -> str:
    """`name` made file-safe; one that had to change gets a suffix of its own hash, so
    `a/b`, `a:b` and `a_b` never share a file."""
    safe = _safe_name(name)
    if safe == name:
        return name
    return f"{safe}-{hashlib.sha256(name.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


@dataclass(frozen=True, slots=True)
class _Staged:
    """An output's bytes written and hashed in staging, not yet at their final folder."""

    staging: str
    final: str
    data: Any
    materializer: type[Materializer]
    metadata: dict[str, Any]
    views: list[SavedVisualization]
    digest: FolderDigest


def _unwritable(url: str, data: Any, exc: OSError) -> ArtifactError:
    return ArtifactError(
        f"Cannot save a value of type '{import_path(type(data))}' into the artifact "
        f"store '{url}': {exc}. Check that the location exists, is writable "
        f"and has free space."
    )
