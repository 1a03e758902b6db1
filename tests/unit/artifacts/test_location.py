"""Parsing artifact store URLs and confining URIs to the store's root."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from headwater.artifacts.location import open_location
from headwater.errors import ArtifactError


def test_local_path_uses_plain_absolute_paths_as_uris(tmp_path: Path) -> None:
    location = open_location(str(tmp_path / "a" / ".." / "store"))

    assert location.is_local
    assert location.root == str(tmp_path.resolve() / "store")
    assert location.uri(location.join("x")) == f"{location.root}/x"


def test_file_url_is_a_local_store(tmp_path: Path) -> None:
    location = open_location(f"file://{tmp_path}")

    assert location.is_local
    assert location.resolve(f"file://{tmp_path}/x") == str(tmp_path.resolve() / "x")


def test_home_folder_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))

    assert open_location("~/store").root == str(tmp_path.resolve() / "store")


def test_memory_url_round_trips_between_paths_and_uris() -> None:
    name = uuid.uuid4().hex
    location = open_location(f"memory://{name}")

    path = location.join("artifacts", "ab")

    assert location.uri(path) == f"memory://{name}/artifacts/ab"
    assert location.resolve(location.uri(path)) == path
    assert location.resolve(f"memory:///{name}/artifacts/ab") == path


@pytest.mark.parametrize(
    "uri",
    ["memory://other/x", "memory://root/../other", "s3://root/x", "/root/x", "root/x", ""],
)
def test_remote_uri_outside_the_root_is_refused(uri: str) -> None:
    location = open_location("memory://root")

    with pytest.raises(ArtifactError, match="is outside the artifact store rooted at '/root'"):
        location.resolve(uri)


@pytest.mark.parametrize("uri", ["relative/x", "", "memory://root/x"])
def test_local_uri_that_is_not_an_absolute_path_is_refused(tmp_path: Path, uri: str) -> None:
    location = open_location(str(tmp_path))

    with pytest.raises(ArtifactError, match="is outside the artifact store"):
        location.resolve(uri)


def test_root_itself_is_refused_when_not_allowed(tmp_path: Path) -> None:
    location = open_location(str(tmp_path))

    assert location.resolve(str(tmp_path)) == str(tmp_path.resolve())
    with pytest.raises(ArtifactError, match="is outside the artifact store"):
        location.resolve(str(tmp_path), allow_root=False)


def test_store_at_the_root_of_a_filesystem_joins_paths_cleanly() -> None:
    location = open_location("memory://")

    assert location.join("artifacts") == "/artifacts"
    assert location.resolve("memory://artifacts/x") == "/artifacts/x"
