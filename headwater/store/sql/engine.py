"""Engines for the SQL store: SQLite tuned for several writing processes, and PostgreSQL.

SQLite's own BEGIN is deferred: two writers both start reading, then both try to upgrade
to a write lock, and one fails with "database is locked" at once instead of waiting.
Every write transaction here therefore starts with `BEGIN IMMEDIATE`, which takes the
write lock up front and waits for it (up to the busy timeout). Reads use a plain BEGIN:
in WAL mode they never block writers and see one consistent snapshot.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from headwater.errors import ConfigurationError
from headwater.store.sql.driver import DriverConnection, statement_error
from headwater.store.sql.sqlite_connection import (
    SQLITE_BUSY_TIMEOUT_SECONDS,
    configure_sqlite_connection,
)
from headwater.store.store_urls import ACCEPTED_STORE_URLS

if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect
    from sqlalchemy.pool import PoolProxiedConnection

_BEGIN_OPTION = "headwater_sqlite_begin"


@dataclass(frozen=True, slots=True)
class Engines:
    """One connection pool seen two ways: `writes` locks for writing, `reads` does not."""

    writes: Engine
    reads: Engine

    @property
    def is_sqlite(self) -> bool:
        """True for the embedded SQLite store."""
        return self.writes.dialect.name == "sqlite"

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.writes.dispose()

    @contextmanager
    def driver_transaction(self, *, is_write: bool) -> Iterator[DriverConnection]:
        """A transaction on a pooled driver connection, skipping SQLAlchemy's `Connection`.

        For the runner's hot path, where the `Connection` costs ~30 µs a call. Commits
        when the block ends normally (reads just end), rolls back when it raises; driver
        errors come out as SQLAlchemy's `DBAPIError`s.
        """
        pooled = self.writes.raw_connection()
        executor = _driver_connection(self.writes.dialect, pooled)
        driver = pooled.driver_connection
        assert driver is not None  # a checked-out connection has its driver connection
        error = self.writes.dialect.loaded_dbapi.Error
        try:
            try:
                if self.is_sqlite:
                    driver.execute("BEGIN IMMEDIATE" if is_write else "BEGIN")
                yield executor
                if is_write:
                    driver.commit()
            except error as exc:
                raise statement_error(executor, "BEGIN/COMMIT", exc) from exc
        finally:
            # Ends a read or a failed write; a no-op after a commit.
            with suppress(error):
                driver.rollback()
            pooled.close()


def driver_of_connection(connection: Connection) -> DriverConnection:
    """The driver connection under a SQLAlchemy `Connection`, in its transaction."""
    return _driver_connection(connection.dialect, connection.connection)


def _driver_connection(dialect: Dialect, pooled: PoolProxiedConnection) -> DriverConnection:
    def on_error(exc: BaseException) -> None:
        # A lost server connection is invalidated, so the pool does not hand it out again.
        if isinstance(exc, dialect.loaded_dbapi.Error) and dialect.is_disconnect(exc, pooled, None):
            pooled.invalidate(exc)

    return DriverConnection(
        dialect_name=dialect.name,
        connection=pooled,
        driver=dialect.loaded_dbapi,
        on_error=on_error,
        dialect=dialect,
    )


def parse_store_url(url: str) -> URL:
    """Parse and check a store URL.

    Raises:
        ConfigurationError: the URL is malformed or names an unsupported database.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigurationError(
            f"The store URL '{url}' is not a database URL. Use {ACCEPTED_STORE_URLS}."
        ) from exc
    if parsed.drivername == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return parsed
    if parsed.drivername == "postgresql+psycopg" and parsed.database:
        return parsed
    hint = ""
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        hint = " Name the psycopg 3 driver: start the URL with 'postgresql+psycopg://'."
    elif parsed.drivername == "sqlite":
        hint = " An in-memory SQLite database cannot be shared by processes; name a file."
    raise ConfigurationError(
        f"The store URL '{parsed.render_as_string(hide_password=True)}' is not supported."
        f"{hint} Use {ACCEPTED_STORE_URLS}."
    )


def create_engines(url: URL) -> Engines:
    """Build the engine pair for a checked URL (no connection is opened yet)."""
    if url.drivername == "sqlite":
        writes = _sqlite_engine(url)
        return Engines(writes=writes, reads=writes.execution_options(**{_BEGIN_OPTION: "BEGIN"}))
    # A server that drops packets should fail the open, not hang it.
    writes = create_engine(url, connect_args={"connect_timeout": 10})
    return Engines(writes=writes, reads=writes)


def _sqlite_engine(url: URL) -> Engine:
    database = url.database
    assert database is not None  # parse_store_url checked it
    folder = Path(database).expanduser().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigurationError(
            f"Cannot create the folder '{folder}' for the SQLite store: {exc.strerror}. Point "
            f"the store URL (HEADWATER_STORE_URL or HEADWATER_HOME) at a folder you can write."
        ) from exc
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
        pool_reset_on_return=None,
    )
    event.listen(engine, "connect", _configure_pooled_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _configure_pooled_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    configure_sqlite_connection(dbapi_connection)


def _begin_sqlite_transaction(connection: Connection) -> None:
    begin = connection.get_execution_options().get(_BEGIN_OPTION, "BEGIN IMMEDIATE")
    driver = connection.connection.driver_connection
    assert driver is not None  # a connection being begun has its driver connection
    # Straight to the driver: exec_driver_sql would add ~25 µs to every transaction.
    try:
        driver.execute(begin)
    except sqlite3.Error as exc:
        raise DBAPIError.instance(begin, (), exc, sqlite3.Error) from exc
