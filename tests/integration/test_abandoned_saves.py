"""What a save killed midway leaves in `.tmp/` is removed once its process is gone."""

from __future__ import annotations

import os
import time
from pathlib import Path

from headwater import Client
from headwater.artifacts import ArtifactStore
from headwater.artifacts.materializers.builtin import StrMaterializer
from headwater.artifacts.staging_owners import UNOWNED_KEPT_FOR
from headwater.session import get_session
from tests.pipelines.killed_save import HALF, kill_mid_save, start_saving


def _staging_folders(root: Path) -> list[str]:
    return sorted(os.listdir(root / ".tmp")) if (root / ".tmp").exists() else []


def test_folder_of_a_killed_save_is_removed_and_counted(tmp_path):
    root = tmp_path / "store"
    kill_mid_save(str(root), tmp_path / "ready")
    assert len(_staging_folders(root)) == 1

    removed = ArtifactStore(str(root)).remove_abandoned_saves()

    assert (removed.folders, removed.size_bytes) == (1, len(HALF))
    assert _staging_folders(root) == []


def test_folder_of_a_save_still_in_progress_is_kept(tmp_path):
    root = tmp_path / "store"
    saver = start_saving(str(root), tmp_path / "ready")
    try:
        removed = ArtifactStore(str(root)).remove_abandoned_saves()
    finally:
        saver.kill()
        saver.wait()

    assert removed.folders == 0
    assert len(_staging_folders(root)) == 1


def test_next_save_of_another_process_removes_a_killed_save(tmp_path):
    root = tmp_path / "store"
    kill_mid_save(str(root), tmp_path / "ready")

    saved = ArtifactStore(str(root)).save("after the crash", StrMaterializer)

    assert Path(saved.uri).exists()
    assert all(not (root / ".tmp" / name / "part.bin").exists() for name in _staging_folders(root))


def test_unowned_folder_goes_only_once_untouched_for_a_day(tmp_path):
    root = tmp_path / "store"
    old, fresh = root / ".tmp" / ("a" * 32), root / ".tmp" / ("b" * 32)
    for folder in (old, fresh):
        folder.mkdir(parents=True)
        (folder / "data.bin").write_bytes(b"12345")
    long_ago = time.time() - UNOWNED_KEPT_FOR.total_seconds() - 60
    for path in (old / "data.bin", old):
        os.utime(path, (long_ago, long_ago))

    removed = ArtifactStore(str(root)).remove_abandoned_saves()

    assert (removed.folders, removed.size_bytes) == (1, 5)
    assert _staging_folders(root) == ["b" * 32]


def test_prune_reports_and_removes_killed_saves(tmp_path):
    root = Path(get_session().artifact_store.root_uri)
    kill_mid_save(str(root), tmp_path / "ready")

    listed = Client().prune_artifacts(dry_run=True)
    pruned = Client().prune_artifacts()

    assert (listed.abandoned_saves, listed.abandoned_save_bytes) == (1, len(HALF))
    assert (pruned.abandoned_saves, pruned.abandoned_save_bytes) == (1, len(HALF))
    assert _staging_folders(root) == []
