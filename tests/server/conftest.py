"""A real Headwater server on an OS-chosen loopback port, over this test's home."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from headwater.server.app import create_app
from headwater.server.passwords import hash_password
from headwater.server.serving import BackgroundServer
from headwater.session import get_session
from headwater.store.logins import ServerRole
from tests.server.auth_fixtures import PASSWORD, AuthServer, logins

# The store contract's databases, for server tests that run on SQLite and PostgreSQL.
from tests.store_contract.conftest import (  # noqa: F401 (fixtures, used by name)
    postgresql_backend,
    postgresql_database,
    postgresql_server,
    sqlite_backend,
    sqlite_template,
)


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


@pytest.fixture
def auth_server(static_folder: Path) -> Iterator[AuthServer]:
    """A server in server mode over this test's home; users `admin`, `member`, `viewer`."""
    session = get_session()
    for role in ServerRole:
        logins(session.store).save_login(role.value, hash_password(PASSWORD), role)
    secret = secrets.token_bytes(32)
    app = create_app(session, static_folder=static_folder, token_secret=secret)
    with BackgroundServer(app) as running:
        yield AuthServer(url=running.url, secret=secret, app=app)
