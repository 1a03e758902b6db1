"""INSERTs that tolerate a row being there already, safe when processes race.

SQLite and PostgreSQL spell `ON CONFLICT` through different SQLAlchemy constructs, so
these prepared statements build theirs per dialect. Each is made once per table, named
by the table's name so that defining one loads nothing.
"""

from __future__ import annotations

import functools
import uuid
from typing import TYPE_CHECKING, Any

from headwater.store.sql.ids import new_id
from headwater.store.sql.prepared import Executor, PreparedStatement

if TYPE_CHECKING:
    from sqlalchemy import Table


def as_id(name_or_id: uuid.UUID | str) -> uuid.UUID | None:
    """The UUID a reference spells, or None when it is a name."""
    if isinstance(name_or_id, uuid.UUID):
        return name_or_id
    try:
        return uuid.UUID(name_or_id)
    except ValueError:
        return None


def table_named(name: str) -> Table:
    """The Core table called `name` (imports the schema: only when a statement is built)."""
    from headwater.store.sql.schema import store_schema

    return store_schema.tables[name]


def insert_ignoring_duplicates(table: str) -> PreparedStatement:
    """INSERT of every column that silently skips rows breaking a unique constraint."""
    # As a plain str: SQLAlchemy's names are a str subclass, which would cache apart.
    return _insert_ignoring_duplicates(str(table))


@functools.cache
def _insert_ignoring_duplicates(table: str) -> PreparedStatement:

    def build(dialect: str) -> Any:
        return dialect_insert(dialect)(table_named(table)).on_conflict_do_nothing()

    return PreparedStatement(build, name=f"rows.insert_ignoring_duplicates.{table}")


def upsert(table: str, key_columns: tuple[str, ...]) -> PreparedStatement:
    """INSERT of every column that overwrites the other columns of a row with the same key."""
    return _upsert(str(table), tuple(str(column) for column in key_columns))


@functools.cache
def _upsert(table: str, key_columns: tuple[str, ...]) -> PreparedStatement:

    def build(dialect: str) -> Any:
        columns = table_named(table).c
        statement: Any = dialect_insert(dialect)(table_named(table))
        updates = {c.name: statement.excluded[c.name] for c in columns if c.name not in key_columns}
        return statement.on_conflict_do_update(index_elements=key_columns, set_=updates)

    return PreparedStatement(build, name=f"rows.upsert.{table}")


def dialect_insert(dialect: str) -> Any:
    """The dialect's own `insert` construct, which can say `ON CONFLICT`."""
    # Imported on first use: SQLite users never load the PostgreSQL dialect.
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


@functools.cache
def _select_id(table: str, key_columns: tuple[str, ...]) -> PreparedStatement:
    def build(_dialect: str) -> Any:
        from sqlalchemy import and_, bindparam, select

        columns = table_named(table).c
        condition = and_(*(columns[k] == bindparam(f"key_{k}") for k in key_columns))
        return select(columns.id).where(condition)

    return PreparedStatement(build, name=f"rows.select_id.{table}")


def declare_ensure_row(table: str, key_columns: tuple[str, ...]) -> None:
    """Make the statements `ensure_row` runs for `table` (so they can be generated)."""
    _select_id(table, key_columns)
    insert_ignoring_duplicates(table)


def ensure_row(
    connection: Executor, table: str, key: dict[str, Any], values: dict[str, Any]
) -> uuid.UUID:
    """The id of the row whose unique `key` columns match, inserted with `values` if new.

    `key` and `values` together name every other column. Safe against another process
    inserting the same row at the same moment: the loser's insert is skipped and it
    reads the winner's row.
    """
    find = _select_id(str(table), tuple(str(column) for column in key))
    parameters = {f"key_{k}": v for k, v in key.items()}
    found = find.first(connection, parameters)
    if found is None:
        row = {"id": new_id(), **key, **values}
        insert_ignoring_duplicates(table).execute(connection, row)
        found = find.first(connection, parameters)
    assert found is not None  # inserted by us or by whoever won the race
    row_id: uuid.UUID = found["id"]
    return row_id
