"""Saving, loading, content addressing, crash safety and confinement of the artifact store."""

from __future__ import annotations

import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, ClassVar

import pytest

from headwater.artifacts import ArtifactStore, Materializer, find_materializer
from headwater.artifacts.materializers.builtin import BuiltInMaterializer, StrMaterializer
from headwater.errors import ArtifactError, ConfigurationError, MaterializerError
from headwater.metadata_types import StorageSize


class ExplodingMaterializer(Materializer):
    """Writes half an artifact, then fails, as a crash mid-save would."""

    ASSOCIATED_TYPES: ClassVar[tuple[type | str, ...]] = (int,)

    def save(self, data: int) -> None:
        with self.fs.open(self.file_path("part.bin"), "wb") as file:
            file.write(b"half")
        raise RuntimeError("disk on fire")


class InterruptedMaterializer(ExplodingMaterializer):
    """Is interrupted mid-save, as by Ctrl-C."""

    def save(self, data: int) -> None:
        with self.fs.open(self.file_path("part.bin"), "wb") as file:
            file.write(b"half")
        raise KeyboardInterrupt


def _artifact_folders(store: ArtifactStore) -> list[str]:
    root = Path(store.root_uri)
    return sorted(str(p) for p in (root / "artifacts").glob("*/*")) if root.exists() else []


def _staged_files(store: ArtifactStore) -> list[Path]:
    return [path for path in (Path(store.root_uri) / ".tmp").rglob("*") if path.is_file()]


def test_saved_value_loads_back_equal_from_every_kind_of_store(any_store: ArtifactStore) -> None:
    saved = any_store.save({"a": [1, 2.5, None]}, find_materializer(dict))

    loaded = any_store.load(saved.uri, saved.materializer, saved.data_type)

    assert loaded == {"a": [1, 2.5, None]}
    assert any_store.exists(saved.uri)


def test_saved_artifact_records_type_materializer_hash_and_size(store: ArtifactStore) -> None:
    saved = store.save(12345, BuiltInMaterializer)

    assert saved.data_type == "builtins.int"
    assert saved.materializer == "headwater.artifacts.materializers.builtin.BuiltInMaterializer"
    assert len(saved.content_hash) == 64
    assert saved.uri.endswith(f"/artifacts/{saved.content_hash[:2]}/{saved.content_hash}")
    assert saved.size_bytes == len(b"12345")
    assert saved.metadata == {"storage_size": 5}
    assert isinstance(saved.metadata["storage_size"], StorageSize)


def test_equal_values_get_the_same_uri(any_store: ArtifactStore) -> None:
    first = any_store.save([1, 2, 3], find_materializer(list))

    second = any_store.save([1, 2, 3], find_materializer(list))

    assert second.uri == first.uri
    assert second.content_hash == first.content_hash


def test_different_values_get_different_uris(any_store: ArtifactStore) -> None:
    first = any_store.save([1, 2, 3], find_materializer(list))

    second = any_store.save([1, 2, 4], find_materializer(list))

    assert second.uri != first.uri
    assert second.content_hash != first.content_hash


def test_equal_looking_values_of_different_kinds_get_different_hashes(
    store: ArtifactStore,
) -> None:
    values: list[Any] = [1, 1.0, True, "1", [1], (1,), {1}]

    hashes = {store.save(value, find_materializer(type(value))).content_hash for value in values}

    assert len(hashes) == len(values)


def test_saving_equal_bytes_twice_leaves_one_folder_and_no_staged_files(
    store: ArtifactStore,
) -> None:
    store.save("same", StrMaterializer)

    store.save("same", StrMaterializer)

    assert len(_artifact_folders(store)) == 1
    assert _staged_files(store) == []


def test_failing_materializer_raises_materializer_error_naming_type_and_uri(
    store: ArtifactStore,
) -> None:
    with pytest.raises(MaterializerError, match="ExplodingMaterializer' failed to save") as info:
        store.save(7, ExplodingMaterializer)

    assert "'builtins.int'" in str(info.value)
    assert "disk on fire" in str(info.value)
    assert isinstance(info.value.__cause__, RuntimeError)


def test_failed_save_leaves_no_artifact_folder_and_no_staging_folder(
    store: ArtifactStore,
) -> None:
    with pytest.raises(MaterializerError):
        store.save(7, ExplodingMaterializer)

    assert _artifact_folders(store) == []
    assert _staged_files(store) == []


def test_interrupted_save_leaves_no_artifact_folder(store: ArtifactStore) -> None:
    with pytest.raises(KeyboardInterrupt):
        store.save(7, InterruptedMaterializer)

    assert _artifact_folders(store) == []


def test_many_saves_of_equal_bytes_keep_few_staging_folders(store: ArtifactStore) -> None:
    for _ in range(20):
        store.save("again", StrMaterializer)

    assert len(os.listdir(Path(store.root_uri) / ".tmp")) <= 4
    assert _staged_files(store) == []


def test_save_recovers_when_spare_staging_folders_are_cleaned_up(
    store: ArtifactStore,
) -> None:
    store.save("first", StrMaterializer)
    store.save("first", StrMaterializer)
    shutil.rmtree(Path(store.root_uri) / ".tmp")

    saved = store.save("second", StrMaterializer)

    assert store.load(saved.uri, saved.materializer, saved.data_type) == "second"


def test_staging_folder_left_by_a_crash_does_not_disturb_later_saves(
    store: ArtifactStore,
) -> None:
    leftover = Path(store.root_uri) / ".tmp" / "crashed"
    leftover.mkdir(parents=True)
    (leftover / "data.json").write_text("12")

    saved = store.save(12, BuiltInMaterializer)

    assert store.load(saved.uri, saved.materializer, saved.data_type) == 12


def test_saving_equal_bytes_again_keeps_the_first_folder_untouched(store: ArtifactStore) -> None:
    saved = store.save("racing", StrMaterializer)
    marker = Path(saved.uri) / "data.txt"
    inode = marker.stat().st_ino

    again = store.save("racing", StrMaterializer)

    assert again.uri == saved.uri
    assert marker.stat().st_ino == inode


def test_concurrent_saves_of_equal_bytes_share_one_folder(store: ArtifactStore) -> None:
    barrier = threading.Barrier(8)

    def save() -> str:
        barrier.wait()
        return store.save("contended", StrMaterializer).uri

    with ThreadPoolExecutor(max_workers=8) as pool:
        uris = set(pool.map(lambda _: save(), range(8)))

    assert len(uris) == 1
    assert len(_artifact_folders(store)) == 1
    assert _staged_files(store) == []


def test_failed_save_leaves_no_artifact_in_any_kind_of_store(any_store: ArtifactStore) -> None:
    with pytest.raises(MaterializerError):
        any_store.save(7, ExplodingMaterializer)

    assert not any_store.exists(f"{any_store.root_uri}/artifacts")


def test_saving_with_a_materializer_for_another_type_is_refused(store: ArtifactStore) -> None:
    with pytest.raises(MaterializerError, match=r"cannot save a value of type 'builtins.str'"):
        store.save("text", BuiltInMaterializer)


def test_saving_with_a_class_that_is_no_materializer_is_refused(store: ArtifactStore) -> None:
    with pytest.raises(MaterializerError, match="is not a Materializer subclass"):
        store.save(1, dict)  # type: ignore[arg-type]


def test_loading_a_deleted_artifact_says_it_is_gone(any_store: ArtifactStore) -> None:
    saved = any_store.save(3, BuiltInMaterializer)
    any_store.delete(saved.uri)

    with pytest.raises(ArtifactError, match="No artifact is saved at"):
        any_store.load(saved.uri, saved.materializer, saved.data_type)


def test_loading_with_an_unimportable_materializer_names_it(store: ArtifactStore) -> None:
    saved = store.save(3, BuiltInMaterializer)

    with pytest.raises(ArtifactError, match=r"Cannot find the class 'nowhere\.Missing'"):
        store.load(saved.uri, "nowhere.Missing", saved.data_type)


def test_loading_corrupt_bytes_raises_materializer_error(store: ArtifactStore) -> None:
    saved = store.save(3, BuiltInMaterializer)
    (Path(saved.uri) / "data.json").write_text("{not json")

    with pytest.raises(MaterializerError, match="failed to load the artifact at"):
        store.load(saved.uri, saved.materializer, saved.data_type)


def test_exists_is_false_for_unknown_and_outside_uris(any_store: ArtifactStore) -> None:
    assert not any_store.exists(f"{any_store.root_uri}/artifacts/00/nothing")
    assert not any_store.exists("/etc/passwd")


def test_delete_removes_the_artifact_and_tolerates_missing_ones(any_store: ArtifactStore) -> None:
    saved = any_store.save("bye", StrMaterializer)

    any_store.delete(saved.uri)
    any_store.delete(saved.uri)

    assert not any_store.exists(saved.uri)


class TestConfinement:
    """Reads, loads and deletes never leave the store's root."""

    def test_read_bytes_refuses_a_path_outside_the_store(self, store: ArtifactStore) -> None:
        with pytest.raises(ArtifactError, match=r"'/etc/passwd' is outside the artifact store"):
            store.read_bytes("/etc/passwd")

    def test_read_bytes_refuses_dot_dot_escapes(self, any_store: ArtifactStore) -> None:
        escape = f"{any_store.root_uri}/artifacts/../../outside.txt"

        with pytest.raises(ArtifactError, match="is outside the artifact store"):
            any_store.read_bytes(escape)

    def test_read_bytes_refuses_a_symlink_that_leads_outside(
        self, store: ArtifactStore, tmp_path: Path
    ) -> None:
        secret = tmp_path / "secret.txt"
        secret.write_text("keep out")
        saved = store.save("x", StrMaterializer)
        link = Path(saved.uri) / "link.txt"
        link.symlink_to(secret)

        with pytest.raises(ArtifactError, match="is outside the artifact store"):
            store.read_bytes(str(link))

    def test_read_bytes_refuses_other_schemes(self, any_store: ArtifactStore) -> None:
        with pytest.raises(ArtifactError, match="is outside the artifact store"):
            any_store.read_bytes("https://example.com/artifacts/x")

    def test_read_bytes_refuses_another_stores_uri(self, tmp_path: Path) -> None:
        first = ArtifactStore(str(tmp_path / "first"))
        second = ArtifactStore(str(tmp_path / "second"))
        saved = first.save("mine", StrMaterializer)

        with pytest.raises(ArtifactError, match="is outside the artifact store"):
            second.read_bytes(f"{saved.uri}/data.txt")

    def test_read_bytes_refuses_a_sibling_folder_sharing_the_root_prefix(
        self, tmp_path: Path
    ) -> None:
        store = ArtifactStore(str(tmp_path / "store"))
        (tmp_path / "store-evil").mkdir()
        (tmp_path / "store-evil" / "x").write_text("no")

        with pytest.raises(ArtifactError, match="is outside the artifact store"):
            store.read_bytes(str(tmp_path / "store-evil" / "x"))

    def test_load_refuses_a_path_outside_the_store(self, store: ArtifactStore) -> None:
        with pytest.raises(ArtifactError, match="is outside the artifact store"):
            store.load("/tmp", "headwater.artifacts.materializers.builtin.StrMaterializer", "str")

    def test_delete_refuses_the_root_itself(self, any_store: ArtifactStore) -> None:
        with pytest.raises(ArtifactError, match="is outside the artifact store"):
            any_store.delete(any_store.root_uri)

    def test_delete_refuses_a_path_outside_the_store(
        self, store: ArtifactStore, tmp_path: Path
    ) -> None:
        precious = tmp_path / "precious"
        precious.mkdir()

        with pytest.raises(ArtifactError, match="is outside the artifact store"):
            store.delete(f"{store.root_uri}/../precious")

        assert precious.exists()


class TestReadBytes:
    """Byte ranges of files in the store, such as logs and visualizations."""

    def test_read_bytes_returns_the_whole_file_or_a_range(self, any_store: ArtifactStore) -> None:
        saved = any_store.save("0123456789", StrMaterializer)
        uri = f"{saved.uri}/data.txt"

        assert any_store.read_bytes(uri) == b"0123456789"
        assert any_store.read_bytes(uri, 2, 5) == b"234"
        assert any_store.read_bytes(uri, -3) == b"789"

    def test_read_bytes_of_a_missing_file_says_so(self, any_store: ArtifactStore) -> None:
        with pytest.raises(ArtifactError, match="No file is at"):
            any_store.read_bytes(f"{any_store.root_uri}/logs/none.log")

    def test_read_bytes_of_an_artifact_folder_asks_for_a_file(
        self, any_store: ArtifactStore
    ) -> None:
        saved = any_store.save("folder", StrMaterializer)

        with pytest.raises(ArtifactError, match="Use the URI of a file"):
            any_store.read_bytes(saved.uri)


class TestLogs:
    """Step logs live under logs/<run_id>/<step_name>.log."""

    def test_open_log_appends_and_the_log_reads_back(self, any_store: ArtifactStore) -> None:
        uri, file = any_store.open_log("run-1", "train")
        with file:
            file.write(b"epoch 1\n")
        _, again = any_store.open_log("run-1", "train")
        with again:
            again.write(b"epoch 2\n")

        assert uri.endswith("/logs/run-1/train.log")
        assert any_store.read_bytes(uri).endswith(b"epoch 2\n")

    def test_open_log_keeps_odd_step_names_inside_the_logs_folder(
        self, store: ArtifactStore
    ) -> None:
        uri, file = store.open_log("../run", "../../escape/step")
        file.close()

        assert uri.startswith(f"{store.root_uri}/logs/")
        assert Path(uri).resolve().is_relative_to(Path(store.root_uri) / "logs")


def test_unknown_url_scheme_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="Cannot open the artifact store 'nope://x'"):
        ArtifactStore("nope://x")


def test_memory_stores_with_different_roots_do_not_see_each_other() -> None:
    first = ArtifactStore("memory://headwater-tests/isolated-a")
    second = ArtifactStore("memory://headwater-tests/isolated-b")
    saved = first.save("private", StrMaterializer)

    assert not second.exists(saved.uri)
    first.delete(f"{first.root_uri}/artifacts")


def test_step_names_that_differ_only_in_unsafe_characters_get_their_own_log_files(
    any_store: ArtifactStore,
) -> None:
    names = ("a/b", "a_b", "a:b", "a b")

    uris = {name: any_store.open_log("run-1", name) for name in names}
    for name, (_, file) in uris.items():
        with file:
            file.write(name.encode())

    assert len({uri for uri, _ in uris.values()}) == len(names)
    assert {any_store.read_bytes(uri).decode() for uri, _ in uris.values()} == set(names)
    assert uris["a_b"][0] == any_store.log_uri("run-1", "a_b")
    assert uris["a_b"][0].endswith("/logs/run-1/a_b.log")


def test_an_artifact_uri_is_the_content_folder_of_a_sha256_hash(store: ArtifactStore) -> None:
    saved = store.save([1, 2, 3], find_materializer(list))

    assert store.artifact_uri(saved.content_hash) == saved.uri
    with pytest.raises(ArtifactError, match="is not a content hash"):
        store.artifact_uri("../..")
