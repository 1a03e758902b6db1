"""How every SQLite connection of the store is set up, by SQLAlchemy's pool or by hand.

The engine (`engine.py`) calls `configure_sqlite_connection` for each new pooled
connection, and the local recorder (`local_store.py`) for the one it opens itself, so
both run with the same busy timeout, WAL journal, synchronous level and foreign keys.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

SQLITE_BUSY_TIMEOUT_SECONDS = 30


def connect_sqlite(database: str) -> sqlite3.Connection:
    """A new connection to `database`, configured as the engine configures its own."""
    connection = sqlite3.connect(
        database, timeout=SQLITE_BUSY_TIMEOUT_SECONDS, check_same_thread=False
    )
    try:
        configure_sqlite_connection(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def configure_sqlite_connection(dbapi_connection: Any) -> None:
    """Busy timeout, WAL, `synchronous = NORMAL` and foreign keys, on a new connection."""
    # Hand transaction control to us: pysqlite would otherwise emit its own deferred BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # The busy timeout comes first so the switch to WAL waits for other processes.
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_SECONDS * 1000}")
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    # WAL is a property of the file, so only the first process switches it. That switch
    # needs an exclusive lock, and SQLite answers "database is locked" at once, without
    # the busy handler, when another process holds a shared one: retry until the timeout.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_SECONDS
    pause = 0.005
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)
