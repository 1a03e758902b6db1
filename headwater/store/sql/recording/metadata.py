"""Writing metadata entries, with the key catalog's counts, and reading one target's.

`write_metadata` keeps the key catalog's summary (`metadata_keys`) in step with every
upsert of entries; `metadata_key_counts` reads that summary and adjusts it on deletes.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from headwater.store.metadata import normalize_entry
from headwater.store.models import MetadataEntry, MetadataTarget, MetadataType
from headwater.store.sql.prepared import Executor, PreparedStatement
from headwater.store.sql.recording.rows import dialect_insert, table_named, upsert

METADATA_KEY = ("target_kind", "target_id", "key")
NUMBER_TYPES = (MetadataType.INT, MetadataType.FLOAT, MetadataType.STORAGE_SIZE)
TEXT_TYPES = (MetadataType.STRING, MetadataType.URI, MetadataType.PATH)
# (target_kind, key, type): one row of the summary.
SummaryKey = tuple[str, str, str]
TARGET_TABLES = {
    MetadataTarget.RUN: "runs",
    MetadataTarget.STEP_RUN: "step_runs",
    MetadataTarget.ARTIFACT_VERSION: "artifact_versions",
    MetadataTarget.MODEL_VERSION: "model_versions",
}


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
    upsert("metadata_entries", METADATA_KEY).execute_many(connection, rows)


def _select_metadata_of_one(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    entries = table_named("metadata_entries").c
    return select(entries.key, entries.type, entries.value).where(
        entries.target_kind == bindparam("kind"), entries.target_id == bindparam("target_id")
    )


_SELECT_METADATA_OF_ONE = PreparedStatement(
    _select_metadata_of_one, name="metadata.select_metadata_of_one"
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


def _target_exists_statement(table: str) -> PreparedStatement:
    def build(_dialect: str) -> Any:
        from sqlalchemy import bindparam, select

        columns = table_named(table).c
        return select(columns.id).where(columns.id == bindparam("target_id"))

    return PreparedStatement(build, name=f"metadata.target_exists.{table}")


_TARGET_EXISTS = {target: _target_exists_statement(t) for target, t in TARGET_TABLES.items()}


def target_exists(connection: Executor, target: MetadataTarget, target_id: uuid.UUID) -> bool:
    """True when the run, step run, artifact version or model version is recorded."""
    return _TARGET_EXISTS[target].first(connection, {"target_id": target_id}) is not None


# --- the key catalog's summary ---------------------------------------------------------


def _select_target_keys(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    entries = table_named("metadata_entries").c
    return select(entries.key, entries.type).where(
        entries.target_kind == bindparam("kind"), entries.target_id == bindparam("target_id")
    )


def _this_key() -> Any:
    from sqlalchemy import and_, bindparam

    keys = table_named("metadata_keys").c
    return and_(
        keys.target_kind == bindparam("kind"),
        keys.key == bindparam("key_name"),
        keys.type == bindparam("type_name"),
    )


def _decrement(_dialect: str) -> Any:
    from sqlalchemy import bindparam, update

    keys = table_named("metadata_keys")
    return (
        update(keys)
        .where(_this_key())
        .values(entity_count=keys.c.entity_count - bindparam("removed"))
    )


def _drop_empty(_dialect: str) -> Any:
    from sqlalchemy import delete

    keys = table_named("metadata_keys")
    return delete(keys).where(_this_key(), keys.c.entity_count <= 0)


def _increment(dialect: str) -> Any:
    from sqlalchemy import case

    keys = table_named("metadata_keys")
    statement: Any = dialect_insert(dialect)(keys)
    new, old = statement.excluded, keys.c
    return statement.on_conflict_do_update(
        index_elements=["target_kind", "key", "type"],
        set_={
            "entity_count": old.entity_count + new.entity_count,
            "first_seen": case(
                (new.first_seen < old.first_seen, new.first_seen), else_=old.first_seen
            ),
            "last_seen": case((new.last_seen > old.last_seen, new.last_seen), else_=old.last_seen),
        },
    )


_SELECT_TARGET_KEYS = PreparedStatement(_select_target_keys, name="metadata.select_target_keys")
_DECREMENT = PreparedStatement(_decrement, name="metadata.decrement_key")
_DROP_EMPTY = PreparedStatement(_drop_empty, name="metadata.drop_empty_key")
_INCREMENT = PreparedStatement(_increment, name="metadata.increment_key")


@dataclass(slots=True)
class KeyChange:
    """What one write does to one summary row."""

    added: int = 0
    removed: int = 0
    first: dt.datetime | None = None
    last: dt.datetime | None = None

    def saw(self, moment: dt.datetime) -> None:
        self.first = moment if self.first is None else min(self.first, moment)
        self.last = moment if self.last is None else max(self.last, moment)


def count_written(
    connection: Executor,
    rows: list[dict[str, Any]],
    *,
    new_target_ids: Collection[uuid.UUID] = (),
) -> None:
    """Adjust the summary for entry rows about to be upserted (call before writing them).

    A key new on its entity counts one more; a value replaced by one of the same type
    only moves `last_seen`; a replaced value of another type moves the entity between
    the two types' rows. Targets in `new_target_ids` have no entries yet, so their
    current keys are not read (a step's new artifact versions: one statement less each).
    """
    if not rows:
        return
    current: dict[tuple[str, uuid.UUID], dict[str, str]] = {
        (row["target_kind"], row["target_id"]): {}
        for row in rows
        if row["target_id"] in new_target_ids
    }
    changes: dict[SummaryKey, KeyChange] = defaultdict(KeyChange)
    for row in rows:
        kind, target_id = row["target_kind"], row["target_id"]
        known = current.get((kind, target_id))
        if known is None:
            found = _SELECT_TARGET_KEYS.execute_tuples(
                connection, {"kind": kind, "target_id": target_id}
            )
            known = current[(kind, target_id)] = dict(found)
        earlier = known.get(row["key"])
        if earlier != row["type"]:
            changes[(kind, row["key"], row["type"])].added += 1
            if earlier is not None:
                changes[(kind, row["key"], earlier)].removed += 1
        changes[(kind, row["key"], row["type"])].saw(row["created"])
        known[row["key"]] = row["type"]
    apply_key_changes(connection, changes)


def apply_key_changes(connection: Executor, changes: dict[SummaryKey, KeyChange]) -> None:
    """Add and remove entities from summary rows, dropping rows that count none."""
    # In key order, so concurrent writers lock shared rows in one order (PostgreSQL).
    ordered = sorted(changes.items())
    increments = [
        {
            "target_kind": kind,
            "key": key,
            "type": type_,
            "entity_count": change.added,
            "first_seen": change.first,
            "last_seen": change.last,
        }
        for (kind, key, type_), change in ordered
        if change.first is not None and change.last is not None
    ]
    _INCREMENT.execute_many(connection, increments)
    decrements = [
        {"kind": kind, "key_name": key, "type_name": type_, "removed": change.removed}
        for (kind, key, type_), change in ordered
        if change.removed
    ]
    if decrements:
        _DECREMENT.execute_many(connection, decrements)
        _DROP_EMPTY.execute_many(
            connection, [{k: v for k, v in d.items() if k != "removed"} for d in decrements]
        )


def _number_of(entry: MetadataEntry) -> float | None:
    if entry.type is MetadataType.BOOL:
        return 1.0 if entry.value else 0.0
    if entry.type in NUMBER_TYPES and isinstance(entry.value, int | float):
        try:
            number = float(entry.value)
        except OverflowError:
            return None  # an int too large for a float still keeps its exact JSON value
        return number if math.isfinite(number) else None
    return None


def _text_of(entry: MetadataEntry) -> str | None:
    if entry.type in TEXT_TYPES or entry.type is MetadataType.DATETIME:
        return str(entry.value)
    return None
