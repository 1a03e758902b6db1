"""A real Headwater server on an OS-chosen loopback port, over this test's home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from headwater.server.app import create_app
from headwater.server.serving import BackgroundServer
from headwater.session import get_session


@pytest.fixture
def static_folder(tmp_path: Path) -> Path:
    """A dashboard build folder that is empty (not built) unless a test fills it."""
    folder = tmp_path / "static"
    folder.mkdir()
    return folder


@pytest.fixture
def server(static_folder: Path) -> Iterator[BackgroundServer]:
    """The server over this test's HEADWATER_HOME, stopped after the test."""
    with BackgroundServer(create_app(get_session(), static_folder=static_folder)) as running:
        yield running


@pytest.fixture
def api(server: BackgroundServer) -> Iterator[httpx.Client]:
    """An HTTP client whose paths are relative to `/api/v1`."""
    with httpx.Client(base_url=f"{server.url}/api/v1", timeout=30) as client:
        yield client
