"""Fixtures shared by every suite: each test gets its own empty Headwater home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from headwater.config import (
    ARTIFACT_STORE_URL_VARIABLE,
    HEARTBEAT_VARIABLE,
    HOME_VARIABLE,
    PROJECT_VARIABLE,
    REST_RETRY_VARIABLE,
    STORE_URL_VARIABLE,
)


@pytest.fixture(autouse=True)
def headwater_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty HEADWATER_HOME per test, so no test sees another's runs or ~/.headwater."""
    home = tmp_path / "headwater-home"
    monkeypatch.setenv(HOME_VARIABLE, str(home))
    for variable in (
        STORE_URL_VARIABLE,
        ARTIFACT_STORE_URL_VARIABLE,
        HEARTBEAT_VARIABLE,
        PROJECT_VARIABLE,
        REST_RETRY_VARIABLE,
    ):
        monkeypatch.delenv(variable, raising=False)
    yield home
    from headwater.session import close_sessions

    close_sessions()
