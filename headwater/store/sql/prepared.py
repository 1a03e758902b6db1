"""`PreparedStatement`: a Core statement compiled once per dialect, run on the DBAPI cursor.

The runner records every step with a handful of statements, and SQLAlchemy's per-call
bookkeeping (execution context, events, result wrapping) costs about 50 µs a statement:
most of a step's budget. A prepared statement keeps what matters from SQLAlchemy (the
SQL it compiles for the dialect and its type conversions, so rows are stored exactly as
the Core path stores them) and skips the rest.

Each statement has a name and a function that builds its Core construct. For SQLite the
compiled SQL and the conversions of every named statement are generated ahead of time
into `sqlite_statements.py` (`make recorder-sql`; a test checks it is current), so a
local run executes them with the standard library alone and never imports SQLAlchemy
(issue 19). Other dialects compile the construct on first use.

A statement runs inside the caller's transaction: a `DriverConnection` (a DBAPI
connection whose transaction the store drives itself) or a SQLAlchemy `Connection`.
Driver errors surface as the `StatementError` classes below, whoever runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from headwater.store.sql.driver import (
    CompiledStatement,
    DriverConnection,
    Processor,
    statement_error,
)

if TYPE_CHECKING:
    from sqlalchemy.sql.expression import ClauseElement

Row = dict[str, Any]
# Where a prepared statement can run: a `DriverConnection`, or a SQLAlchemy `Connection`.
Executor = Any
Build = Callable[[str], "ClauseElement"]
# Every named statement, by name: what the SQLite module is generated from.
STATEMENTS: dict[str, PreparedStatement] = {}


class PreparedStatement:
    """A statement for the hot path; compiled on first use for each dialect.

    Give it the statement, or a function from dialect name to statement when the
    construct differs by dialect (such as `INSERT ... ON CONFLICT`). A statement with a
    `name` is generated for SQLite: give it a function that imports what it needs, so
    that defining the statement loads nothing.
    """

    def __init__(self, statement: ClauseElement | Build, *, name: str | None = None) -> None:
        if callable(statement):
            self.build: Build = statement
        else:
            self.build = lambda _dialect: statement
        self.name = name
        self._compiled: dict[str, CompiledStatement] = {}
        if name is not None:
            if name in STATEMENTS:
                raise ValueError(f"Two prepared statements are named '{name}'; rename one.")
            STATEMENTS[name] = self

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

    def execute_count(self, executor: Executor, parameters: Mapping[str, Any]) -> int:
        """Run once; how many rows it changed (for UPDATE and DELETE without RETURNING)."""
        driver = _driver_of(executor)
        compiled = self.compiled_for(driver)
        cursor: Any = driver.connection.cursor()  # DBAPI cursors differ by driver
        try:
            cursor.execute(compiled.sql, _bind(compiled, parameters))
            return int(cursor.rowcount)
        except driver.driver.Error as exc:
            raise statement_error(driver, compiled.sql, exc) from exc
        finally:
            cursor.close()

    def _run(
        self, executor: Executor, parameters: Mapping[str, Any]
    ) -> tuple[CompiledStatement, tuple[Processor, ...], list[Sequence[Any]]]:
        driver = _driver_of(executor)
        compiled = self.compiled_for(driver)
        cursor: Any = driver.connection.cursor()  # DBAPI cursors differ by driver
        try:
            cursor.execute(compiled.sql, _bind(compiled, parameters))
            if cursor.description is None:
                return compiled, (), []
            processors = compiled.processors_for(cursor.description)
            return compiled, processors, cursor.fetchall()
        except driver.driver.Error as exc:
            raise statement_error(driver, compiled.sql, exc) from exc
        finally:
            cursor.close()

    def execute_many(self, executor: Executor, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run once per parameter set, in one driver call."""
        if not rows:
            return
        driver = _driver_of(executor)
        compiled = self.compiled_for(driver)
        cursor: Any = driver.connection.cursor()  # DBAPI cursors differ by driver
        try:
            cursor.executemany(compiled.sql, [_bind(compiled, row) for row in rows])
        except driver.driver.Error as exc:
            raise statement_error(driver, compiled.sql, exc) from exc
        finally:
            cursor.close()

    def first(self, executor: Executor, parameters: Mapping[str, Any]) -> Row | None:
        """The first row produced, if any."""
        rows = self.execute(executor, parameters)
        return rows[0] if rows else None

    def compiled_for(self, driver: DriverConnection) -> CompiledStatement:
        """The statement as `driver`'s dialect runs it: generated, or compiled now."""
        compiled = self._compiled.get(driver.dialect_name)
        if compiled is None:
            compiled = None
            if self.name is not None and driver.dialect_name == "sqlite":
                compiled = _generated(self.name)
            if compiled is None:
                from headwater.store.sql.compiling import compile_statement

                compiled = compile_statement(self.build(driver.dialect_name), driver.dialect)
            self._compiled[driver.dialect_name] = compiled
        return compiled


def dialect_name_of(executor: Executor) -> str:
    """The name of the dialect an executor speaks ("sqlite", "postgresql")."""
    return _driver_of(executor).dialect_name


def _driver_of(executor: Executor) -> DriverConnection:
    if isinstance(executor, DriverConnection):
        return executor
    # A SQLAlchemy `Connection`: SQLAlchemy is loaded already.
    from headwater.store.sql.engine import driver_of_connection

    return driver_of_connection(executor)


def _generated(name: str) -> CompiledStatement | None:
    from headwater.store.sql.sqlite_statements import STATEMENTS as GENERATED
    from headwater.store.sql.sqlite_values import BIND_CONVERTERS, RESULT_CONVERTERS

    spec = GENERATED.get(name)
    if spec is None:
        return None
    sql, binders, literals, results = spec
    return CompiledStatement(
        sql=sql,
        is_positional=True,
        binders=tuple((bound, BIND_CONVERTERS[kind]) for bound, kind in binders),
        literals=dict(literals),
        result_keys=tuple(key for key, _ in results),
        id_columns=tuple(kind == "uuid" for _, kind in results),
        result_processors=tuple(RESULT_CONVERTERS[kind] for _, kind in results),
    )


def _bind(compiled: CompiledStatement, parameters: Mapping[str, Any]) -> Any:
    if compiled.literals:
        parameters = {**compiled.literals, **parameters}
    values = []
    for name, processor in compiled.binders:
        value = parameters[name]
        values.append(value if processor is None or value is None else processor(value))
    if compiled.is_positional:
        return values
    return {name: value for (name, _), value in zip(compiled.binders, values, strict=True)}


class _Converted(dict[Any, Any]):
    """Each distinct value converted once: a column of ids repeats a few hundred values."""

    def __init__(self, processor: Callable[[Any], Any]) -> None:
        super().__init__()
        self._processor = processor

    def __missing__(self, value: Any) -> Any:
        converted = self[value] = self._processor(value)
        return converted


def _row(keys: tuple[Any, ...], processors: tuple[Processor, ...], values: Sequence[Any]) -> Row:
    return {
        key: value if processor is None else processor(value)
        for key, value, processor in zip(keys, values, processors, strict=True)
    }
