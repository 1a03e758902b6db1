"""`PreparedStatement`: a Core statement compiled once per dialect, run on the DBAPI cursor.

The runner records every step with a handful of statements, and SQLAlchemy's per-call
bookkeeping (execution context, events, result wrapping) costs about 50 µs a statement:
most of a step's budget. A prepared statement keeps what matters from SQLAlchemy (the
SQL it compiles for the dialect and its type conversions, so rows are stored exactly as
the Core path stores them) and skips the rest. It runs inside the caller's transaction,
either a SQLAlchemy `Connection` or a `DriverConnection` (a pooled connection whose
transaction the store drives itself), and its errors surface as SQLAlchemy's
`DBAPIError` subclasses, like any other statement's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, or_
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import ClauseElement

if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect
    from sqlalchemy.pool import PoolProxiedConnection

Row = dict[str, Any]
_Processor = Callable[[Any], Any] | None


@dataclass(frozen=True, slots=True)
class DriverConnection:
    """A pooled DBAPI connection in a transaction the store begins and ends itself."""

    dialect: Dialect
    pooled: PoolProxiedConnection


# Where a prepared statement can run.
Executor = Connection | DriverConnection


@dataclass(slots=True)
class _Compiled:
    sql: str
    is_positional: bool
    # Bound names in the order the paramstyle wants them, each with its converter.
    binders: tuple[tuple[str, _Processor], ...]
    # Values fixed in the statement itself, such as literal("in").
    literals: dict[str, Any]
    result_keys: tuple[str, ...]
    result_types: tuple[Any, ...]
    # Which result columns hold ids, whose conversions repeat across many rows.
    id_columns: tuple[bool, ...]
    # Learnt from the first result: some drivers' converters depend on its type codes.
    result_processors: tuple[_Processor, ...] | None = None

    def processors_for(
        self, dialect: Dialect, description: Sequence[Any]
    ) -> tuple[_Processor, ...]:
        """Result converters per column (computed once; a race computes the same twice)."""
        if self.result_processors is None:
            self.result_processors = tuple(
                type_.result_processor(dialect, column[1])
                for type_, column in zip(self.result_types, description, strict=True)
            )
        return self.result_processors


class PreparedStatement:
    """A statement for the hot path; compiled on first use for each dialect.

    Give it the statement, or a function from dialect name to statement when the
    construct differs by dialect (such as `INSERT ... ON CONFLICT`).
    """

    def __init__(self, statement: ClauseElement | Callable[[str], ClauseElement]) -> None:
        if isinstance(statement, ClauseElement):
            self._build: Callable[[str], ClauseElement] = lambda _dialect: statement
        else:
            self._build = statement
        self._compiled: dict[str, _Compiled] = {}

    def execute(self, executor: Executor, parameters: Mapping[str, Any]) -> list[Row]:
        """Run once; returns the rows it produces (RETURNING or SELECT), else []."""
        compiled, processors, fetched = self._run(executor, parameters)
        keys = compiled.result_keys
        return [_row(keys, processors, values) for values in fetched]

    def execute_tuples(
        self, executor: Executor, parameters: Mapping[str, Any]
    ) -> list[tuple[Any, ...]]:
        """Run once; the rows as tuples in the statement's column order.

        For reads of many rows: no dict per row, and each distinct id is converted once
        (a comparison's 50,000 metadata rows name only a few hundred step runs).
        """
        compiled, processors, fetched = self._run(executor, parameters)
        if not fetched:
            return []
        # Column by column, so the loops run in C: `map` over a column, `zip` back to rows.
        columns: list[Any] = list(zip(*fetched, strict=True))
        for index, (processor, is_id) in enumerate(
            zip(processors, compiled.id_columns, strict=True)
        ):
            if processor is not None:
                convert = _Converted(processor).__getitem__ if is_id else processor
                columns[index] = map(convert, columns[index])
        return list(zip(*columns, strict=True))

    def _run(
        self, executor: Executor, parameters: Mapping[str, Any]
    ) -> tuple[_Compiled, tuple[_Processor, ...], list[Sequence[Any]]]:
        dialect, pooled = _parts(executor)
        compiled = self._for(dialect)
        cursor: Any = pooled.cursor()  # DBAPI cursors differ by driver
        try:
            cursor.execute(compiled.sql, _bind(compiled, parameters))
            if cursor.description is None:
                return compiled, (), []
            processors = compiled.processors_for(dialect, cursor.description)
            return compiled, processors, cursor.fetchall()
        except dialect.loaded_dbapi.Error as exc:
            raise wrap_driver_error(executor, compiled.sql, exc) from exc
        finally:
            cursor.close()

    def execute_many(self, executor: Executor, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run once per parameter set, in one driver call."""
        if not rows:
            return
        dialect, pooled = _parts(executor)
        compiled = self._for(dialect)
        cursor: Any = pooled.cursor()  # DBAPI cursors differ by driver
        try:
            cursor.executemany(compiled.sql, [_bind(compiled, row) for row in rows])
        except dialect.loaded_dbapi.Error as exc:
            raise wrap_driver_error(executor, compiled.sql, exc) from exc
        finally:
            cursor.close()

    def first(self, executor: Executor, parameters: Mapping[str, Any]) -> Row | None:
        """The first row produced, if any."""
        rows = self.execute(executor, parameters)
        return rows[0] if rows else None

    def _for(self, dialect: Dialect) -> _Compiled:
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = _compile(self._build(dialect.name), dialect)
            self._compiled[dialect.name] = compiled
        return compiled


def one_of(column: ColumnElement[Any], values: Sequence[Any]) -> ColumnElement[bool]:
    """`column IN (values)` as ORed equalities, which a prepared statement can bind."""
    return or_(*(column == value for value in values))


def wrap_driver_error(executor: Executor, sql: str, exc: Any) -> DBAPIError:
    """The driver's error as SQLAlchemy would raise it (`exc` is of the driver's classes).

    A lost server connection is also invalidated, so the pool does not hand it out again.
    """
    dialect, pooled = _parts(executor)
    if dialect.is_disconnect(exc, pooled, None):
        pooled.invalidate(exc)
    wrapped = DBAPIError.instance(sql, None, exc, dialect.loaded_dbapi.Error)
    assert isinstance(wrapped, DBAPIError)  # it wraps one of the driver's own errors
    return wrapped


def _parts(executor: Executor) -> tuple[Dialect, PoolProxiedConnection]:
    if isinstance(executor, Connection):
        return executor.dialect, executor.connection
    return executor.dialect, executor.pooled


def _compile(statement: ClauseElement, dialect: Dialect) -> _Compiled:
    compiled: Any = statement.compile(dialect=dialect)
    binds = compiled.binds
    if any(bind.expanding for bind in binds.values()):
        raise TypeError("A prepared statement cannot take an IN list; use one_of() instead.")
    is_positional = bool(compiled.positional)
    names = tuple(compiled.positiontup or ()) if is_positional else tuple(binds)
    columns = list(getattr(statement, "exported_columns", ()))
    return _Compiled(
        sql=compiled.string,
        is_positional=is_positional,
        binders=tuple(
            (name, binds[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in names
        ),
        literals={n: b.effective_value for n, b in binds.items() if b.value is not None},
        result_keys=tuple(column.key for column in columns),
        result_types=tuple(column.type.dialect_impl(dialect) for column in columns),
        id_columns=tuple(_is_id(column.type) for column in columns),
    )


def _bind(compiled: _Compiled, parameters: Mapping[str, Any]) -> Any:
    if compiled.literals:
        parameters = {**compiled.literals, **parameters}
    values = []
    for name, processor in compiled.binders:
        value = parameters[name]
        values.append(value if processor is None or value is None else processor(value))
    if compiled.is_positional:
        return values
    return {name: value for (name, _), value in zip(compiled.binders, values, strict=True)}


def _is_id(type_: Any) -> bool:
    try:
        return bool(type_.python_type is uuid.UUID)
    except NotImplementedError:  # a custom type that does not say
        return False


class _Converted(dict[Any, Any]):
    """Each distinct value converted once: a column of ids repeats a few hundred values."""

    def __init__(self, processor: Callable[[Any], Any]) -> None:
        super().__init__()
        self._processor = processor

    def __missing__(self, value: Any) -> Any:
        converted = self[value] = self._processor(value)
        return converted


def _row(keys: tuple[str, ...], processors: tuple[_Processor, ...], values: Sequence[Any]) -> Row:
    return {
        key: value if processor is None else processor(value)
        for key, value, processor in zip(keys, values, processors, strict=True)
    }
