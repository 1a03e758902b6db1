"""Bringing a database to the current schema when a store opens it.

Opening is on every process's startup path, so a current database costs one query and
Alembic is imported only when there is something to migrate. Several processes may open
an empty database at once: the migration runs in a write transaction (`BEGIN IMMEDIATE`
on SQLite, a transaction-scoped advisory lock on PostgreSQL), and whoever gets it second
finds the work done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from headwater.errors import ConfigurationError, StoreError
from headwater.store.sql.migrations import HEAD_REVISION, MIGRATIONS_FOLDER
from headwater.store.sql.recording.opening import VERSION_TABLE, read_revision_quickly

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.sql.engine import Engines

# Any constant works; it only has to be the same in every process (b"headwatr" as int).
_POSTGRES_LOCK_KEY = 0x6865616477617472
_VERSION_TABLE = VERSION_TABLE
_SELECT_REVISION = text(f"SELECT version_num FROM {_VERSION_TABLE}")


def ensure_current_schema(engines: Engines, display_url: str) -> None:
    """Migrate the database to `HEAD_REVISION` unless it is there already.

    Raises:
        StoreError: the database cannot be reached or migrated.
        ConfigurationError: the database was migrated by a newer Headwater.
    """
    try:
        with engines.reads.connect() as connection:
            if read_revision_quickly(connection) == HEAD_REVISION:
                return
        with engines.writes.begin() as connection:
            if not engines.is_sqlite:
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _POSTGRES_LOCK_KEY}
                )
            revision = read_revision(connection)  # another process may have just migrated
            if revision != HEAD_REVISION:
                _upgrade(connection, revision, display_url)
    except DBAPIError as exc:
        raise StoreError(
            f"Cannot open the metadata store at '{display_url}': {exc.orig}. Check that the "
            f"database server is running and the URL (HEADWATER_STORE_URL) is right."
        ) from exc


def read_revision(connection: Connection) -> str | None:
    """The Alembic revision the database is at, or None for an empty database."""
    if not inspect(connection).has_table(_VERSION_TABLE):
        return None
    revision = connection.execute(_SELECT_REVISION).scalar()
    return None if revision is None else str(revision)


def _upgrade(connection: Connection, revision: str | None, display_url: str) -> None:
    # Alembic is imported here only: a current database never pays for it.
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_FOLDER))
    config.attributes["connection"] = connection
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if revision is not None and revision not in known:
        raise ConfigurationError(
            f"The metadata store at '{display_url}' is at schema revision '{revision}', "
            f"which this version of Headwater does not know (it knows up to "
            f"'{HEAD_REVISION}'). A newer Headwater migrated it: upgrade Headwater here."
        )
    command.upgrade(config, "head")
