"""`LocalSqliteStore`: the embedded store for a local run, opened without SQLAlchemy.

A `python p.py` run records a handful of statements per step; loading SQLAlchemy, the
tables and the statement constructs to do so cost most of a small script's time (issue
19). This store runs the recorder's methods (`RecorderMethods`, shared with `SqlStore`)
on one `sqlite3` connection, set up as the engine sets up its own (`sqlite_connection`),
with the statements' generated SQLite SQL. Anything else a caller asks of it (listings,
models, access, ...) opens the full `SqlStore` on the same file the first time, and is
answered there.

It opens only a database that exists and is at the current schema, with no secrets left
in clear; otherwise `open_local_store` answers None and the caller opens a `SqlStore`,
which migrates and seals.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from headwater.store.sql.driver import (
    DriverConnection,
    StatementDataError,
    StatementError,
    StatementIntegrityError,
    statement_error,
)
from headwater.store.sql.migrations import HEAD_REVISION
from headwater.store.sql.recording.failures import invalid_value, store_failed
from headwater.store.sql.recording.methods import Explain, RecorderMethods
from headwater.store.sql.recording.opening import has_plain_secrets, read_revision_quickly
from headwater.store.sql.sqlite_connection import connect_sqlite

if TYPE_CHECKING:
    import uuid

    from headwater.store.models import ArtifactVersion, PipelineRun
    from headwater.store.sql.store import SqlStore

    # Seen by the type checker as the full store: every method it lacks here is the full
    # store's, reached through `__getattr__`.
    _Base = SqlStore
else:
    _Base = RecorderMethods

_SQLITE_PREFIX = "sqlite:///"


def open_local_store(url: str) -> LocalSqliteStore | None:
    """The local store for a `sqlite:///<path>` URL, or None when it cannot serve it.

    None for another URL, a file that does not exist, a schema that is not current, or
    secrets still in clear: the full `SqlStore` handles (creates, migrates, seals) those.
    """
    if not url.startswith(_SQLITE_PREFIX) or "?" in url:
        return None
    path = url.removeprefix(_SQLITE_PREFIX)
    if path in ("", ":memory:") or not os.path.isfile(path):
        return None
    store = LocalSqliteStore(url, os.path.abspath(path))
    try:
        if not store.is_ready():
            store.close()
            return None
    except BaseException:
        store.close()
        raise
    return store


class LocalSqliteStore(_Base):
    """The embedded SQLite store, recording through one `sqlite3` connection.

    Safe to share between threads (the heartbeat thread and the main thread): each
    transaction holds the connection alone.
    """

    def __init__(self, url: str, path: str) -> None:
        """Connect to the existing database file at `path` (named `url` in messages).

        Raises:
            StoreError: the database cannot be opened.
        """
        self.url = url
        self._path = path
        self._lock = threading.RLock()
        self._full: SqlStore | None = None
        try:
            self._connection = connect_sqlite(path)
        except sqlite3.Error as exc:
            raise store_failed(url, exc) from exc

    def __repr__(self) -> str:
        return f"LocalSqliteStore('{self.url}')"

    def is_ready(self) -> bool:
        """Whether the database is at the current schema with every secret sealed."""
        with self._fast(is_write=False) as executor:
            if read_revision_quickly(executor) != HEAD_REVISION:
                return False
            return not has_plain_secrets(executor)

    def full_store(self) -> SqlStore:
        """The full SQL store on the same database, opened on first use."""
        with self._lock:
            if self._full is None:
                from headwater.store.sql.store import SqlStore

                self._full = SqlStore(self.url)
            return self._full

    def __getattr__(self, name: str) -> Any:
        # Only for what this class does not define: the full store's methods. Other names
        # fail without opening it, so a role check (`isinstance(store, SomeRole)`) of a
        # role the full store lacks loads nothing.
        from headwater.store.sql.sqlite_statements import SQL_STORE_NAMES

        if name not in SQL_STORE_NAMES:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        return getattr(self.full_store(), name)

    def get_run(self, run_id_or_name: uuid.UUID | str) -> PipelineRun:
        """See `Store.get_run`: by id here, by name in the full store."""
        from headwater.store.sql.recording.rows import as_id
        from headwater.store.sql.recording.runs import get_run_by_id

        run_id = as_id(run_id_or_name)
        if run_id is not None:
            with self._fast(is_write=False) as executor:
                found = get_run_by_id(executor, run_id)
            if found is not None:
                return found
        return self.full_store().get_run(run_id_or_name)

    def get_artifact_versions(
        self, artifact_version_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, ArtifactVersion]:
        """See `Store.get_artifact_versions`: one version here (a cache hit's), more there."""
        distinct = set(artifact_version_ids)
        if len(distinct) != 1:
            return self.full_store().get_artifact_versions(artifact_version_ids)
        (version_id,) = distinct
        found = self.get_one_artifact_version(version_id)
        return {} if found is None else {version_id: found}

    def close(self) -> None:
        """See `Store.close`: closes the connection (and the full store, if opened)."""
        with self._lock:
            self._connection.close()
            if self._full is not None:
                self._full.close()
                self._full = None

    @contextmanager
    def _fast(
        self, *, is_write: bool, explain_conflict: Explain | None = None
    ) -> Iterator[DriverConnection]:
        """One transaction on the connection, as `SqlStore._fast` runs on its pool's."""
        with self._lock:
            try:
                with self._transaction(is_write=is_write) as executor:
                    yield executor
            except StatementIntegrityError as exc:
                if explain_conflict is None:
                    raise store_failed(self.url, exc.orig) from exc
                with self._transaction(is_write=False) as executor:
                    explained = explain_conflict(executor)
                raise explained from exc
            except StatementDataError as exc:
                raise invalid_value(exc.orig) from exc
            except OverflowError as exc:
                raise invalid_value(exc) from exc
            except StatementError as exc:
                raise store_failed(self.url, exc.orig) from exc

    @contextmanager
    def _transaction(self, *, is_write: bool) -> Iterator[DriverConnection]:
        connection = self._connection
        executor = DriverConnection(dialect_name="sqlite", connection=connection, driver=sqlite3)
        try:
            try:
                # BEGIN IMMEDIATE takes the write lock up front (see `engine.py`).
                connection.execute("BEGIN IMMEDIATE" if is_write else "BEGIN")
                yield executor
                if is_write:
                    connection.commit()
            except sqlite3.Error as exc:
                raise statement_error(executor, "BEGIN/COMMIT", exc) from exc
        finally:
            # Ends a read or a failed write; a no-op after a commit.
            if connection.in_transaction:
                connection.rollback()
