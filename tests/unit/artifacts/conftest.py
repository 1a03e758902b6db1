"""Artifact stores for the artifact tests: local paths, a file:// URL and memory://."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from headwater.artifacts import ArtifactStore


@pytest.fixture
def store(tmp_path: Path) -> ArtifactStore:
    """A store in a fresh local folder."""
    return ArtifactStore(str(tmp_path / "store"))


@pytest.fixture(params=["local path", "relative path", "file url", "memory"])
def any_store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> ArtifactStore:
    """The same behaviour must hold for every kind of store URL."""
    kind = request.param
    if kind == "local path":
        return ArtifactStore(str(tmp_path / "store"))
    if kind == "relative path":
        monkeypatch.chdir(tmp_path)
        return ArtifactStore("relative/store")
    if kind == "file url":
        return ArtifactStore(f"file://{tmp_path}/store")
    # The memory filesystem is shared by the whole process: every test gets its own root.
    return ArtifactStore(f"memory://headwater-tests/{uuid.uuid4().hex}")
