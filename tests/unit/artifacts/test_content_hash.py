"""The hash of an artifact folder: names and bytes of data files, not visualizations."""

from __future__ import annotations

from pathlib import Path

from headwater.artifacts.content_hash import hash_data_files
from headwater.artifacts.filesystem import LocalFileSystem


def _folder(root: Path, files: dict[str, bytes]) -> str:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return str(root)


def test_equal_files_give_equal_hashes(tmp_path: Path) -> None:
    first = _folder(tmp_path / "a", {"x.bin": b"1", "sub/y.bin": b"2"})
    second = _folder(tmp_path / "b", {"sub/y.bin": b"2", "x.bin": b"1"})

    assert hash_data_files(LocalFileSystem(), first) == hash_data_files(LocalFileSystem(), second)


def test_renaming_a_file_changes_the_hash(tmp_path: Path) -> None:
    first = _folder(tmp_path / "a", {"x.bin": b"1"})
    second = _folder(tmp_path / "b", {"z.bin": b"1"})

    assert (
        hash_data_files(LocalFileSystem(), first).sha256
        != hash_data_files(LocalFileSystem(), second).sha256
    )


def test_visualizations_do_not_change_the_hash_or_size(tmp_path: Path) -> None:
    plain = _folder(tmp_path / "a", {"x.bin": b"123"})
    with_views = _folder(tmp_path / "b", {"x.bin": b"123", "_visualizations/v.png": b"png"})

    digest = hash_data_files(LocalFileSystem(), with_views)

    assert digest == hash_data_files(LocalFileSystem(), plain)
    assert digest.size_bytes == 3
