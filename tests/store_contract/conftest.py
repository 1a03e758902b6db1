"""The databases the store contract runs against, one `StoreBackend` each.

Every contract test takes `store` (or `store_backend`) and runs once per entry in
`BACKENDS`. A backend is a fixture named `<entry>_backend`; the REST store joins by
adding "rest" and a `rest_backend` fixture that serves a clean database over HTTP.

PostgreSQL is never skipped: when it is not reachable the tests fail and say how to
start it. Set HEADWATER_TEST_POSTGRES_URL to use another server than the local one.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import OperationalError

from headwater.config import Settings
from headwater.server.dependencies import ServerState
from headwater.server.serving import BackgroundServer
from headwater.session import Session
from headwater.store.base import Store
from headwater.store.factory import open_store
from headwater.store.sql.schema import store_schema

SQL_BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]
BACKENDS = [*SQL_BACKENDS, pytest.param("rest", id="rest")]
POSTGRES_URL_VARIABLE = "HEADWATER_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@dataclass(frozen=True)
class StoreBackend:
    """One database for one test: a clean, current one at `url`, and empty ones on demand."""

    name: str
    url: str
    make_empty_url: Callable[[], str]

    def open(self) -> Store:
        """A new store on this test's database (close it when done)."""
        return open_store(self.url)


@pytest.fixture(params=BACKENDS)
def store_backend(request: pytest.FixtureRequest) -> StoreBackend:
    """Each backend in turn, with a clean database."""
    backend: StoreBackend = request.getfixturevalue(f"{request.param}_backend")
    return backend


@pytest.fixture(params=SQL_BACKENDS)
def sql_store_backend(request: pytest.FixtureRequest) -> StoreBackend:
    """Each SQL database in turn (migrations are theirs alone), with a clean database."""
    backend: StoreBackend = request.getfixturevalue(f"{request.param}_backend")
    return backend


@pytest.fixture
def sql_store(sql_store_backend: StoreBackend) -> Iterator[Store]:
    """An open SQL store (SQLite, then PostgreSQL) on a clean database, for the roles
    only a database plays."""
    opened = sql_store_backend.open()
    yield opened
    opened.close()


@pytest.fixture
def store(store_backend: StoreBackend) -> Iterator[Store]:
    """An open store on a clean database, closed after the test."""
    opened = store_backend.open()
    yield opened
    opened.close()


# --- SQLite -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite file; each test gets a copy (migrating costs ~0.3 s)."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    open_store(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def sqlite_backend(sqlite_template: Path, tmp_path: Path) -> StoreBackend:
    """A copy of the template database in this test's folder."""
    path = tmp_path / "store.db"
    shutil.copyfile(sqlite_template, path)
    counter = iter(range(1_000_000))
    return StoreBackend(
        name="sqlite",
        url=f"sqlite:///{path}",
        make_empty_url=lambda: f"sqlite:///{tmp_path / f'empty-{next(counter)}.db'}",
    )


# --- PostgreSQL -------------------------------------------------------------------------


class PostgresServer:
    """The test server: creates uniquely named databases and drops them all at the end."""

    def __init__(self, admin_url: URL) -> None:
        self.admin_url = admin_url
        self._admin: Engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self._created: list[str] = []

    def check_reachable(self) -> None:
        try:
            with self._admin.connect() as connection:
                connection.execute(text("SELECT 1"))
        except OperationalError as exc:
            self._admin.dispose()
            pytest.fail(
                f"PostgreSQL is not reachable at "
                f"'{self.admin_url.render_as_string(hide_password=True)}': {exc.orig}. "
                f"Start it with `make postgres` (or point {POSTGRES_URL_VARIABLE} at a "
                f"server). The store contract never skips PostgreSQL.",
                pytrace=False,
            )

    def create_database(self, prefix: str) -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with self._admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        self._created.append(name)
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self._admin.connect() as connection:
            for name in self._created:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._admin.dispose()


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[PostgresServer]:
    """The PostgreSQL server, failing every PostgreSQL test loudly when it is down."""
    server = PostgresServer(make_url(os.environ.get(POSTGRES_URL_VARIABLE, DEFAULT_POSTGRES_URL)))
    server.check_reachable()
    yield server
    server.drop_all()


@pytest.fixture(scope="session")
def postgresql_database(postgresql_server: PostgresServer) -> str:
    """One migrated database for the session; tests empty it rather than recreate it."""
    url = postgresql_server.create_database("headwater_contract")
    open_store(url).close()
    return url


@pytest.fixture
def postgresql_backend(postgresql_server: PostgresServer, postgresql_database: str) -> StoreBackend:
    """The session database, emptied before the test."""
    _empty_tables(postgresql_database)
    return StoreBackend(
        name="postgresql",
        url=postgresql_database,
        make_empty_url=lambda: postgresql_server.create_database("headwater_empty"),
    )


def _empty_tables(url: str) -> None:
    names = ", ".join(f'"{table.name}"' for table in store_schema.sorted_tables)
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


# --- REST -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def rest_server() -> Iterator[tuple[BackgroundServer, FastAPI]]:
    """One real server on a loopback port; each test points it at a fresh database."""
    from headwater.server.app import openapi_app

    app = openapi_app()
    with BackgroundServer(app) as server:
        yield server, app


@pytest.fixture
def rest_backend(
    rest_server: tuple[BackgroundServer, FastAPI], sqlite_backend: StoreBackend, tmp_path: Path
) -> Iterator[StoreBackend]:
    """A clean SQLite database served over HTTP; the store under test is the REST store."""
    server, app = rest_server
    sql_store = open_store(sqlite_backend.url)
    artifacts = tmp_path / "rest-artifacts"
    settings = Settings(
        home=tmp_path, store_url=sqlite_backend.url, artifact_store_url=str(artifacts)
    )
    # The default stack's artifact store is the settings' `artifact_store_url`.
    app.state.headwater = ServerState(session=Session(settings=settings, store=sql_store))
    yield StoreBackend(name="rest", url=server.url, make_empty_url=sqlite_backend.make_empty_url)
    sql_store.close()
