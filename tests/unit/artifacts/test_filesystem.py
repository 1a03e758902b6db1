"""The os-based local filesystem materializers write through."""

from __future__ import annotations

from pathlib import Path

import pytest

from headwater.artifacts.filesystem import LocalFileSystem


@pytest.fixture
def fs() -> LocalFileSystem:
    return LocalFileSystem()


def test_find_lists_every_file_below_a_folder_sorted(fs: LocalFileSystem, tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")

    assert fs.find(str(tmp_path)) == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(None, None, b"0123456789"), (3, 6, b"345"), (-2, None, b"89"), (8, 100, b"89"), (5, 2, b"")],
)
def test_cat_file_slices_like_python(
    fs: LocalFileSystem, tmp_path: Path, start: int | None, end: int | None, expected: bytes
) -> None:
    path = str(tmp_path / "digits")
    fs.pipe_file(path, b"0123456789")

    assert fs.cat_file(path, start, end) == expected


def test_ls_without_detail_gives_full_paths(fs: LocalFileSystem, tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"12")

    assert fs.ls(str(tmp_path), detail=False) == [str(tmp_path / "f")]
    assert fs.ls(str(tmp_path))[0] == {"name": str(tmp_path / "f"), "size": 2, "type": "file"}


def test_mv_and_recursive_rm(fs: LocalFileSystem, tmp_path: Path) -> None:
    fs.makedirs(str(tmp_path / "a" / "b"), exist_ok=True)
    fs.pipe_file(str(tmp_path / "a" / "b" / "f"), b"x")

    fs.mv(str(tmp_path / "a"), str(tmp_path / "c"))
    assert fs.isfile(str(tmp_path / "c" / "b" / "f"))
    fs.rm(str(tmp_path / "c"), recursive=True)

    assert not fs.exists(str(tmp_path / "c"))
