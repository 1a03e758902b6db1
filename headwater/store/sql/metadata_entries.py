"""Typed metadata rows: writing, batch loading and filtering runs by their values.

Each row keeps the entry's JSON value plus two comparable copies, `value_number` (int,
float, storage size, bool) and `value_text` (str, URI, path, ISO datetime), so a filter
such as `accuracy >= 0.9` compares numbers as numbers and dates as dates in SQL.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, bindparam, delete, exists, or_, select

from headwater.errors import FilterError
from headwater.store.filters import Operator
from headwater.store.metadata import datetime_text, normalize_entry
from headwater.store.models import MetadataEntry, MetadataTarget, MetadataType
from headwater.store.sql.filtering import (
    ConditionBuilder,
    MetadataSort,
    compare,
    parse_datetime,
)
from headwater.store.sql.inserts import upsert
from headwater.store.sql.metadata_key_counts import count_deleted, count_written, holds_only_text
from headwater.store.sql.prepared import PreparedStatement
from headwater.store.sql.schema import (
    artifact_versions,
    metadata_entries,
    model_versions,
    runs,
    step_runs,
)

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlalchemy.engine import Connection

    from headwater.store.filters import Condition
    from headwater.store.sql.prepared import Executor

_NUMBER_TYPES = (MetadataType.INT, MetadataType.FLOAT, MetadataType.STORAGE_SIZE)
_TEXT_TYPES = (MetadataType.STRING, MetadataType.URI, MetadataType.PATH)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}([ T].*)?")
METADATA_KEY = ("target_kind", "target_id", "key")
_KEY = METADATA_KEY
_TARGET_TABLES = {
    MetadataTarget.RUN: runs,
    MetadataTarget.STEP_RUN: step_runs,
    MetadataTarget.ARTIFACT_VERSION: artifact_versions,
    MetadataTarget.MODEL_VERSION: model_versions,
}

_SELECT_METADATA = select(
    metadata_entries.c.target_id,
    metadata_entries.c.key,
    metadata_entries.c.type,
    metadata_entries.c.value,
).where(
    metadata_entries.c.target_kind == bindparam("kind"),
    metadata_entries.c.target_id.in_(bindparam("ids", expanding=True)),
)
_DELETE_METADATA = delete(metadata_entries).where(
    metadata_entries.c.target_kind == bindparam("kind"),
    metadata_entries.c.target_id.in_(bindparam("ids", expanding=True)),
)


def metadata_rows(
    target: MetadataTarget,
    target_id: uuid.UUID,
    entries: tuple[MetadataEntry, ...] | list[MetadataEntry],
    now: dt.datetime,
) -> list[dict[str, Any]]:
    """Table rows for entries (later entries with the same key win)."""
    latest = {entry.key: normalize_entry(entry) for entry in entries}
    return [
        {
            "target_kind": target.value,
            "target_id": target_id,
            "key": entry.key,
            "type": entry.type.value,
            "value": entry.value,
            "value_number": _number_of(entry),
            "value_text": _text_of(entry),
            "created": now,
        }
        for entry in latest.values()
    ]


def write_metadata(
    connection: Executor,
    rows: list[dict[str, Any]],
    *,
    new_target_ids: Collection[uuid.UUID] = (),
) -> None:
    """Insert rows, replacing an earlier value of the same key on the same target.

    The key catalog's summary is adjusted first, while the earlier values can be read;
    `new_target_ids` were made in this transaction, so they have none to read.
    """
    count_written(connection, rows, new_target_ids=new_target_ids)
    upsert(metadata_entries, _KEY).execute_many(connection, rows)


def load_metadata(
    connection: Connection, target: MetadataTarget, target_ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[str, MetadataEntry]]:
    """Metadata of many targets in one query; targets without metadata are absent."""
    if not target_ids:
        return {}
    found: dict[uuid.UUID, dict[str, MetadataEntry]] = defaultdict(dict)
    rows = connection.execute(_SELECT_METADATA, {"kind": target.value, "ids": target_ids})
    # Sorted by key for a stable order (in Python: database collations differ).
    for target_id, key, type_, value in sorted(rows, key=lambda row: row[1]):
        found[target_id][key] = MetadataEntry(key=key, type=MetadataType(type_), value=value)
    return found


_SELECT_METADATA_OF_ONE = PreparedStatement(
    select(metadata_entries.c.key, metadata_entries.c.type, metadata_entries.c.value).where(
        metadata_entries.c.target_kind == bindparam("kind"),
        metadata_entries.c.target_id == bindparam("target_id"),
    ),
    name="metadata_entries.select_metadata_of_one",
)


def load_metadata_of_one(
    executor: Executor, target: MetadataTarget, target_id: uuid.UUID
) -> dict[str, MetadataEntry]:
    """The metadata of one target, as `load_metadata` gives it, on the hot path."""
    rows = _SELECT_METADATA_OF_ONE.execute_tuples(
        executor, {"kind": target.value, "target_id": target_id}
    )
    return {
        key: MetadataEntry(key=key, type=MetadataType(type_), value=value)
        for key, type_, value in sorted(rows, key=lambda row: row[0])
    }


def delete_metadata(
    connection: Connection, target: MetadataTarget, target_ids: list[uuid.UUID]
) -> None:
    """Remove every entry of the given targets (they are being deleted)."""
    if target_ids:
        count_deleted(connection, target.value, target_ids)
        connection.execute(_DELETE_METADATA, {"kind": target.value, "ids": target_ids})


def metadata_filter(
    target: MetadataTarget, target_id_column: ColumnElement[Any]
) -> ConditionBuilder:
    """A filter on one metadata key, comparing typed values: `{"accuracy": "gte:0.9"}`."""
    table = metadata_entries

    def build(condition: Condition) -> ColumnElement[bool]:
        return exists(
            select(table.c.key).where(
                table.c.target_kind == target.value,
                table.c.target_id == target_id_column,
                table.c.key == condition.field,
                value_clause(condition),
            )
        )

    return build


def metadata_sort(target: MetadataTarget, target_id_column: ColumnElement[Any]) -> MetadataSort:
    """Sort by one metadata key: by number, or by text for a key that only holds text.

    The key's types come from the catalog's summary; entities without the key sort last.
    """
    table = metadata_entries

    def build(key: str, connection: Connection | None) -> ColumnElement[Any]:
        holds_text = connection is not None and holds_only_text(connection, target.value, key)
        value = table.c.value_text if holds_text else table.c.value_number
        return (
            select(value)
            .where(
                table.c.target_kind == target.value,
                table.c.target_id == target_id_column,
                table.c.key == key,
            )
            .scalar_subquery()
        )

    return build


def value_clause(condition: Condition) -> ColumnElement[bool]:
    """The condition on an entry's typed value (its key and target are for the caller)."""
    table = metadata_entries
    operator = condition.operator
    if operator is Operator.ONE_OF:
        values = list(condition.value)
        if values and all(_as_number(v) is not None for v in values):
            numbers = [_as_number(v) for v in values]
            return and_(table.c.type.in_(_NUMBER_TYPES), table.c.value_number.in_(numbers))
        return and_(table.c.type.in_(_TEXT_TYPES), table.c.value_text.in_([str(v) for v in values]))
    if operator in (Operator.CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH):
        return compare(table.c.value_text, operator, str(condition.value))
    typed = _typed_clause(condition)
    if operator is Operator.EQUALS and isinstance(condition.value, str):
        # "2026-01-01" or "42" may also be a plain string value.
        as_text = and_(table.c.type.in_(_TEXT_TYPES), table.c.value_text == condition.value)
        return or_(typed, as_text)
    return typed


def _typed_clause(condition: Condition) -> ColumnElement[bool]:
    """Compare as the type the filter value reads as: bool, number, date, else text."""
    table = metadata_entries
    raw, operator = condition.value, condition.operator
    is_bool_text = isinstance(raw, str) and raw.strip().lower() in ("true", "false")
    if isinstance(raw, bool) or is_bool_text:
        flag = raw if isinstance(raw, bool) else raw.strip().lower() == "true"
        return and_(
            table.c.type == MetadataType.BOOL.value,
            compare(table.c.value_number, operator, 1.0 if flag else 0.0),
        )
    number = _as_number(raw)
    if number is not None:
        return and_(
            table.c.type.in_(_NUMBER_TYPES), compare(table.c.value_number, operator, number)
        )
    if isinstance(raw, dt.datetime) or (isinstance(raw, str) and _DATE.fullmatch(raw.strip())):
        moment = datetime_text(parse_datetime(condition.field, raw))
        return and_(
            table.c.type == MetadataType.DATETIME.value,
            compare(table.c.value_text, operator, moment),
        )
    if not isinstance(raw, str):
        raise FilterError(
            f"Metadata filter on '{condition.field}' has a {type(raw).__qualname__} value; "
            f"give a number, true/false, a date or text, such as 'gte:0.9'."
        )
    return and_(table.c.type.in_(_TEXT_TYPES), compare(table.c.value_text, operator, raw))


def _as_number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    if isinstance(raw, str) and _NUMBER.fullmatch(raw.strip()):
        return float(raw)
    return None


def _number_of(entry: MetadataEntry) -> float | None:
    if entry.type is MetadataType.BOOL:
        return 1.0 if entry.value else 0.0
    if entry.type in _NUMBER_TYPES and isinstance(entry.value, int | float):
        try:
            number = float(entry.value)
        except OverflowError:
            return None  # an int too large for a float still keeps its exact JSON value
        return number if math.isfinite(number) else None
    return None


def _text_of(entry: MetadataEntry) -> str | None:
    if entry.type in _TEXT_TYPES or entry.type is MetadataType.DATETIME:
        return str(entry.value)
    return None


def target_exists(connection: Connection, target: MetadataTarget, target_id: uuid.UUID) -> bool:
    """True when the run, step run, artifact version or model version is recorded."""
    table = _TARGET_TABLES[target]
    return connection.execute(select(table.c.id).where(table.c.id == target_id)).first() is not None
