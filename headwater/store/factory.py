"""`open_store`: the `Store` implementation a URL names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.errors import ConfigurationError
from headwater.store.base import ServedArtifactStore, Store
from headwater.store.store_urls import ACCEPTED_STORE_URLS

if TYPE_CHECKING:
    from headwater.store.login_store import LoginStore

_SQL_PREFIXES = ("sqlite:", "postgresql+psycopg:")
_REST_PREFIXES = ("http://", "https://")


def open_store(url: str) -> Store:
    """Open the metadata store at `url`, migrating its schema if it is behind.

    Each call opens a new store (with its own connection pool); callers keep and reuse
    it, and `close()` it when done.

    Args:
        url: `sqlite:///<path>` for the embedded store, or
            `postgresql+psycopg://user:password@host:port/database` for a server.

    Raises:
        ConfigurationError: the URL names no supported store.
        StoreError: the database cannot be reached or migrated.
    """
    if url.startswith(_SQL_PREFIXES):
        # A current SQLite file is opened without SQLAlchemy (issue 19); anything else,
        # or a file to create or migrate, by the full store. Imported here so that
        # merely importing the factory loads neither.
        from headwater.store.sql.local_store import open_local_store

        local = open_local_store(url)
        if local is not None:
            return local
        from headwater.store.sql.store import SqlStore

        return SqlStore(url)
    if url.startswith(_REST_PREFIXES):
        return _open_rest_store(url)
    hint = ""
    if url.startswith(("postgresql:", "postgres:", "postgresql+psycopg2:")):
        hint = " Name the psycopg 3 driver: start the URL with 'postgresql+psycopg://'."
    raise ConfigurationError(
        f"The store URL '{_without_password(url)}' is not supported.{hint} "
        f"Use {ACCEPTED_STORE_URLS}, for example in HEADWATER_STORE_URL."
    )


def login_store_of(store: Store) -> LoginStore | None:
    """The logins role of `store`, or None for a store that keeps no logins (REST)."""
    from headwater.store.sql.local_store import LocalSqliteStore
    from headwater.store.sql.store import SqlStore

    if isinstance(store, LocalSqliteStore):
        return store.full_store()
    return store if isinstance(store, SqlStore) else None


def served_artifact_store_url(store: Store) -> str | None:
    """The artifact store a server names for its runs, or None for a store of our own."""
    # A role check, not a class check: the REST store (and httpx) stays unloaded locally.
    return store.artifact_store_url() if isinstance(store, ServedArtifactStore) else None


def _open_rest_store(url: str) -> Store:
    from headwater.config import load_settings
    from headwater.credentials import token_for
    from headwater.store.rest import RestStore

    settings = load_settings()
    return RestStore(url, token_for(url, settings.home), retry_seconds=settings.rest_retry_seconds)


def _without_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)
