"""Column types that behave the same on SQLite and PostgreSQL: UTC datetimes and JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import JSON, DateTime, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC and always read back timezone-aware in UTC.

    SQLite keeps no timezone, so values are converted to UTC on the way in and UTC is
    attached again on the way out; PostgreSQL's `timestamptz` is normalised to UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        moment: dt.datetime = value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC)


class JsonValue(TypeDecorator[Any]):
    """JSON text on SQLite, binary `jsonb` on PostgreSQL.

    A decorator rather than `JSON().with_variant(JSONB())` so that SQLite users never
    import the PostgreSQL dialect (~60 ms of every process's startup).
    """

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        if dialect.name == "sqlite":
            return _load_sqlite_json
        return super().result_processor(dialect, coltype)


def _load_sqlite_json(value: Any) -> Any:
    # SQLite's numeric affinity hands back JSON numbers already parsed; SQLAlchemy's own
    # converter finds that out by catching a TypeError, three times slower per value.
    return json.loads(value) if isinstance(value, str) else value


class FastUtcDateTime(TypeDecorator[dt.datetime]):
    """A `UtcDateTime` read back fast, for queries that read thousands of timestamps.

    SQLite keeps timestamps as ISO text, which SQLAlchemy parses with a regular expression
    (about 20 µs each); `datetime.fromisoformat` takes a tenth of that. PostgreSQL's
    driver answers datetimes already. Only for reading: wrap a selected column in
    `type_coerce(column, FastUtcDateTime())`.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            from sqlalchemy import String

            return dialect.type_descriptor(String())
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC)
