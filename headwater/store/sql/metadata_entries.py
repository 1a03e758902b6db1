"""Typed metadata rows: writing, batch loading and filtering runs by their values.

Each row keeps the entry's JSON value plus two comparable copies, `value_number` (int,
float, storage size, bool) and `value_text` (str, URI, path, ISO datetime), so a filter
such as `accuracy >= 0.9` compares numbers as numbers and dates as dates in SQL.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, bindparam, delete, exists, or_, select

from headwater.errors import FilterError
from headwater.store.filters import Operator
from headwater.store.metadata import datetime_text
from headwater.store.models import MetadataEntry, MetadataTarget, MetadataType
from headwater.store.sql.filtering import (
    ConditionBuilder,
    MetadataSort,
    compare,
    parse_datetime,
)
from headwater.store.sql.metadata_key_counts import count_deleted, holds_only_text
from headwater.store.sql.recording.metadata import NUMBER_TYPES, TEXT_TYPES
from headwater.store.sql.schema import (
    artifact_versions,
    metadata_entries,
    model_versions,
    runs,
    step_runs,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.filters import Condition

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}([ T].*)?")
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
            return and_(table.c.type.in_(NUMBER_TYPES), table.c.value_number.in_(numbers))
        return and_(table.c.type.in_(TEXT_TYPES), table.c.value_text.in_([str(v) for v in values]))
    if operator in (Operator.CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH):
        return compare(table.c.value_text, operator, str(condition.value))
    typed = _typed_clause(condition)
    if operator is Operator.EQUALS and isinstance(condition.value, str):
        # "2026-01-01" or "42" may also be a plain string value.
        as_text = and_(table.c.type.in_(TEXT_TYPES), table.c.value_text == condition.value)
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
        return and_(table.c.type.in_(NUMBER_TYPES), compare(table.c.value_number, operator, number))
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
    return and_(table.c.type.in_(TEXT_TYPES), compare(table.c.value_text, operator, raw))


def _as_number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    if isinstance(raw, str) and _NUMBER.fullmatch(raw.strip()):
        return float(raw)
    return None
