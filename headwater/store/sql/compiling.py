"""Compiling prepared statements with SQLAlchemy, at run time or for `sqlite_statements.py`.

`compile_statement` turns a Core construct into what `PreparedStatement` runs, with
SQLAlchemy's own converters; `sqlite_spec` into a generated entry, whose conversions are
named by kind (see `sqlite_values`) so that a local run needs no SQLAlchemy to run it.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, ColumnElement, Float, Uuid, or_
from sqlalchemy.dialects import sqlite

from headwater.store.sql.column_types import FastUtcDateTime, JsonValue, UtcDateTime
from headwater.store.sql.driver import CompiledStatement, is_id_type

if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect
    from sqlalchemy.sql.expression import ClauseElement


def compile_statement(statement: ClauseElement, dialect: Dialect) -> CompiledStatement:
    """`statement` compiled for `dialect`, with SQLAlchemy's converters."""
    compiled: Any = statement.compile(dialect=dialect)
    binds = compiled.binds
    if any(bind.expanding for bind in binds.values()):
        raise TypeError("A prepared statement cannot take an IN list; use one_of() instead.")
    is_positional = bool(compiled.positional)
    names = tuple(compiled.positiontup or ()) if is_positional else tuple(binds)
    columns = list(getattr(statement, "exported_columns", ()))
    result_types = tuple(column.type.dialect_impl(dialect) for column in columns)

    def learn_processors(description: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(
            type_.result_processor(dialect, column[1])
            for type_, column in zip(result_types, description, strict=True)
        )

    return CompiledStatement(
        sql=compiled.string,
        is_positional=is_positional,
        binders=tuple(
            (name, binds[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in names
        ),
        literals={n: b.effective_value for n, b in binds.items() if b.value is not None},
        result_keys=tuple(column.key for column in columns),
        id_columns=tuple(is_id_type(column.type) for column in columns),
        learn_processors=learn_processors,
    )


def one_of(column: ColumnElement[Any], values: Sequence[Any]) -> ColumnElement[bool]:
    """`column IN (values)` as ORed equalities, which a prepared statement can bind."""
    return or_(*(column == value for value in values))


def sqlite_kind(type_: Any) -> str | None:
    """The `sqlite_values` kind that converts values of a SQLAlchemy type.

    Raises:
        TypeError: SQLAlchemy converts values of this type and no kind matches it.
    """
    for kind_type, kind in _KINDS:
        if isinstance(type_, kind_type):
            return kind
    dialect = sqlite.dialect()
    impl = type_.dialect_impl(dialect)
    if impl.bind_processor(dialect) is None and impl.result_processor(dialect, None) is None:
        return None
    raise TypeError(
        f"No SQLite conversion matches the column type {type_!r}; add its kind to "
        f"headwater/store/sql/sqlite_values.py and to _KINDS in compiling.py."
    )


_KINDS: tuple[tuple[type, str], ...] = (
    (FastUtcDateTime, "fast_utc_datetime"),
    (UtcDateTime, "utc_datetime"),
    (JsonValue, "json"),
    (Uuid, "uuid"),
    (Boolean, "bool"),
    (Float, "float"),
)


def sqlite_spec(statement: ClauseElement) -> tuple[Any, ...]:
    """A statement's generated entry: SQL, bound names with kinds, literals, results."""
    compiled: Any = statement.compile(dialect=sqlite.dialect())
    binds = compiled.binds
    if any(bind.expanding for bind in binds.values()):
        raise TypeError("A prepared statement cannot take an IN list; use one_of() instead.")
    names = tuple(compiled.positiontup)
    literals = {n: binds[n].effective_value for n in names if binds[n].value is not None}
    for name, value in literals.items():
        if ast.literal_eval(repr(value)) != value:
            raise TypeError(f"The literal '{name}' ({value!r}) cannot be written in Python.")
    columns = list(getattr(statement, "exported_columns", ()))
    return (
        compiled.string,
        tuple((name, sqlite_kind(binds[name].type)) for name in names),
        literals,
        tuple((column.key, sqlite_kind(column.type)) for column in columns),
    )
