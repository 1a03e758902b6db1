"""What opening a store checks on every process's start: the schema revision, and secrets
left in clear from before they were encrypted."""

from __future__ import annotations

from typing import Any

from headwater.store.sql.driver import StatementError
from headwater.store.sql.prepared import Executor, PreparedStatement
from headwater.store.sql.recording.rows import table_named
from headwater.store.sql.secret_box import is_sealed

VERSION_TABLE = "alembic_version"


def _revision(_dialect: str) -> Any:
    from sqlalchemy import String, text

    return text(f"SELECT version_num FROM {VERSION_TABLE}").columns(version_num=String)


def _secrets(_dialect: str) -> Any:
    from sqlalchemy import select

    return select(table_named("stack_component_secrets").c.secrets)


_SELECT_REVISION = PreparedStatement(_revision, name="opening.revision")
_SELECT_SECRETS = PreparedStatement(_secrets, name="opening.secrets")


def read_revision_quickly(executor: Executor) -> str | None:
    """The schema revision, in one query; None for an empty database (no version table)."""
    try:
        found = _SELECT_REVISION.first(executor, {})
    except StatementError:  # "no such table" (or "relation does not exist"): behind
        return None
    return None if found is None or found["version_num"] is None else str(found["version_num"])


def has_plain_secrets(executor: Executor) -> bool:
    """Whether any secrets are still stored in clear (written before encryption)."""
    rows = _SELECT_SECRETS.execute_tuples(executor, {})
    return any(not is_sealed(value) for (secrets,) in rows for value in secrets.values())
