"""How values are stored in SQLite, with the standard library alone.

The generated statements (`sqlite_statements.py`) name a kind for each bound value and
each result column; these are the conversions of each kind. They store exactly what
SQLAlchemy's types store (`UtcDateTime`, `JsonValue`, `Uuid`, `Boolean`, `Float`) and
read it back the same: a unit test feeds both the same values, and the store contract
suite reads rows written by either path through the other.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any

Converter = Callable[[Any], Any] | None


def bind_uuid(value: uuid.UUID) -> str:
    """SQLAlchemy's `Uuid` on SQLite: 32 hex digits, no dashes."""
    return value.hex


def bind_utc_datetime(value: dt.datetime) -> str:
    """`UtcDateTime` on SQLite: the moment in UTC, as SQLAlchemy's DATETIME text."""
    moment = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}"
    )


def bind_json(value: Any) -> str:
    """`JsonValue` on SQLite: `json.dumps` with its defaults, as SQLAlchemy's JSON."""
    return json.dumps(value)


def bind_bool(value: Any) -> int:
    """`Boolean` on SQLite (no native booleans): 1 or 0, refusing anything but a bool."""
    if value is not True and value is not False:
        raise TypeError(f"Not a boolean value: {value!r}")
    return int(value)


def read_uuid(value: Any) -> uuid.UUID | None:
    """An id read back."""
    return None if value is None else uuid.UUID(value)


def read_utc_datetime(value: Any) -> dt.datetime | None:
    """A stored moment read back, timezone-aware in UTC."""
    if value is None:
        return None
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def read_json(value: Any) -> Any:
    """JSON read back; SQLite's numeric affinity hands back numbers already parsed."""
    return json.loads(value) if isinstance(value, str) else value


def read_bool(value: Any) -> bool | None:
    """A boolean read back from SQLite's integer."""
    return None if value is None else bool(value)


# By kind, as the generated statements name them (None: stored as given).
BIND_CONVERTERS: dict[str | None, Converter] = {
    None: None,
    "uuid": bind_uuid,
    "utc_datetime": bind_utc_datetime,
    "fast_utc_datetime": bind_utc_datetime,
    "json": bind_json,
    "bool": bind_bool,
    "float": float,
}
RESULT_CONVERTERS: dict[str | None, Converter] = {
    None: None,
    "uuid": read_uuid,
    "utc_datetime": read_utc_datetime,
    "fast_utc_datetime": read_utc_datetime,
    "json": read_json,
    "bool": read_bool,
    "float": None,
}
