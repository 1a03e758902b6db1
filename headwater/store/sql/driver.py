"""What runs a prepared statement: a driver connection, compiled SQL, and driver errors.

Standard library only: the local recorder (issue 19) runs statements without SQLAlchemy,
and the engine (`engine.py`) hands out the same `DriverConnection` for its pooled ones.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from headwater.errors import StatementDataError, StatementError, StatementIntegrityError

Processor = Callable[[Any], Any] | None

__all__ = ["StatementDataError", "StatementError", "StatementIntegrityError"]


@dataclass(frozen=True, slots=True)
class DriverConnection:
    """A DBAPI connection in a transaction its owner begins and ends itself.

    `driver` is the DBAPI module (its `Error`, `IntegrityError` and `DataError` classify
    failures); `on_error` lets the owner react to one first (a pool drops a lost server
    connection) and `result_processors` learns a compiled statement's converters from a
    cursor description (drivers whose converters depend on type codes).
    """

    dialect_name: str
    connection: Any  # a DBAPI connection, or a pool's proxy of one
    driver: Any  # the DBAPI module
    on_error: Callable[[BaseException], None] | None = None
    dialect: Any = None  # SQLAlchemy's dialect, for statements compiled at run time


@dataclass(slots=True)
class CompiledStatement:
    """What running a statement needs: its SQL and how to convert values in and out."""

    sql: str
    is_positional: bool
    # Bound names in the order the paramstyle wants them, each with its converter.
    binders: tuple[tuple[str, Processor], ...]
    # Values fixed in the statement itself, such as literal("in").
    literals: dict[str, Any]
    # Result column names (None for a column SQLAlchemy gives no key, such as a function).
    result_keys: tuple[Any, ...]
    # Which result columns hold ids, whose conversions repeat across many rows.
    id_columns: tuple[bool, ...]
    # Fixed converters per result column, or None to learn them from the first result.
    result_processors: tuple[Processor, ...] | None = None
    learn_processors: Callable[[Sequence[Any]], tuple[Processor, ...]] | None = field(
        default=None, repr=False
    )

    def processors_for(self, description: Sequence[Any]) -> tuple[Processor, ...]:
        """Result converters per column (computed once; a race computes the same twice)."""
        if self.result_processors is None:
            assert self.learn_processors is not None  # compiled at run time
            self.result_processors = self.learn_processors(description)
        return self.result_processors


def statement_error(driver: DriverConnection, sql: str, exc: BaseException) -> StatementError:
    """The driver's error `exc` as a `StatementError` of the matching class."""
    if driver.on_error is not None:
        driver.on_error(exc)
    if isinstance(exc, driver.driver.IntegrityError):
        return StatementIntegrityError(sql, exc)
    if isinstance(exc, driver.driver.DataError):
        return StatementDataError(sql, exc)
    return StatementError(sql, exc)


def is_id_type(type_: Any) -> bool:
    """Whether a SQLAlchemy type holds UUIDs."""
    try:
        return bool(type_.python_type is uuid.UUID)
    except NotImplementedError:  # a custom type that does not say
        return False
