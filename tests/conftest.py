"""Fixtures shared by every suite: each test gets its own empty Headwater home."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from headwater.config import (
    ARTIFACT_STORE_URL_VARIABLE,
    HEARTBEAT_VARIABLE,
    HOME_VARIABLE,
    PROJECT_VARIABLE,
    REST_RETRY_VARIABLE,
    STORE_URL_VARIABLE,
)

# Hypothesis's per-example deadline is a timing assertion: on a loaded machine it fails
# tests whose answers are right. Speed is measured in benchmarks/, never here.
settings.register_profile("headwater", deadline=None)
settings.load_profile("headwater")


def pytest_configure(config: pytest.Config) -> None:
    """An xdist worker starts with Ctrl-C ignored, and a child inherits an ignored SIGINT,
    so Python in it would never raise KeyboardInterrupt: the Ctrl-C tests need it back."""
    if hasattr(config, "workerinput"):
        signal.signal(signal.SIGINT, signal.default_int_handler)


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
