"""The `StoreError`s a SQL store answers database failures with, said the same by both."""

from __future__ import annotations

from headwater.errors import InvalidValueError, StoreError
from headwater.store.value_types import NAME_LENGTH


def invalid_value(reason: BaseException | None) -> InvalidValueError:
    """A value the database cannot hold: the caller's mistake, never an unavailable store."""
    return InvalidValueError(
        f"The metadata store cannot keep a value of this request: {reason}. Integers must "
        f"fit in 64 bits, names in {NAME_LENGTH} characters, and text may not hold NUL "
        f"characters; change the value and try again."
    )


def store_failed(url: str, reason: BaseException | None) -> StoreError:
    """The database at `url` failed (it may be down or unreachable)."""
    return StoreError(
        f"The metadata store at '{url}' failed: {reason}. If it is a database "
        f"server, check that it is running and reachable."
    )
