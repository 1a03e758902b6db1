"""INSERTs that tolerate a row being there already, safe when processes race.

SQLite and PostgreSQL spell `ON CONFLICT` through different SQLAlchemy constructs, so
these prepared statements build theirs per dialect. Each is made once per table.
"""

from __future__ import annotations

import functools
import uuid
from typing import Any

from sqlalchemy import Table, and_, bindparam, select

from headwater.store.sql.ids import new_id
from headwater.store.sql.prepared import Executor, PreparedStatement


@functools.cache
def insert_ignoring_duplicates(table: Table) -> PreparedStatement:
    """INSERT of every column that silently skips rows breaking a unique constraint."""

    def build(dialect: str) -> Any:
        return dialect_insert(dialect)(table).on_conflict_do_nothing()

    return PreparedStatement(build, name=f"inserts.insert_ignoring_duplicates.{table.name}")


@functools.cache
def upsert(table: Table, key_columns: tuple[str, ...]) -> PreparedStatement:
    """INSERT of every column that overwrites the other columns of a row with the same key."""

    def build(dialect: str) -> Any:
        statement: Any = dialect_insert(dialect)(table)
        updates = {c.name: statement.excluded[c.name] for c in table.c if c.name not in key_columns}
        return statement.on_conflict_do_update(index_elements=key_columns, set_=updates)

    return PreparedStatement(build, name=f"inserts.upsert.{table.name}")


def dialect_insert(dialect: str) -> Any:
    # Imported on first use: SQLite users never load the PostgreSQL dialect.
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


@functools.cache
def _select_id(table: Table, key_columns: tuple[str, ...]) -> PreparedStatement:
    condition = and_(*(table.c[k] == bindparam(f"key_{k}") for k in key_columns))
    return PreparedStatement(
        select(table.c.id).where(condition), name=f"inserts.select_id.{table.name}"
    )


def declare_ensure_row(table: Table, key_columns: tuple[str, ...]) -> None:
    """Make the statements `ensure_row` runs for `table` (so they can be generated)."""
    _select_id(table, key_columns)
    insert_ignoring_duplicates(table)


def ensure_row(
    connection: Executor, table: Table, key: dict[str, Any], values: dict[str, Any]
) -> uuid.UUID:
    """The id of the row whose unique `key` columns match, inserted with `values` if new.

    `key` and `values` together name every other column. Safe against another process
    inserting the same row at the same moment: the loser's insert is skipped and it
    reads the winner's row.
    """
    find = _select_id(table, tuple(key))
    parameters = {f"key_{k}": v for k, v in key.items()}
    found = find.first(connection, parameters)
    if found is None:
        row = {"id": new_id(), **key, **values}
        insert_ignoring_duplicates(table).execute(connection, row)
        found = find.first(connection, parameters)
    assert found is not None  # inserted by us or by whoever won the race
    row_id: uuid.UUID = found["id"]
    return row_id
