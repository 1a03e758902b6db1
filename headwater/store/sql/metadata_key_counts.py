"""The key catalog's summary table, `metadata_keys`, kept in step with `metadata_entries`.

Every write and delete of metadata entries also adjusts, in the same transaction, the
count of entities carrying each (resource type, key, value type) and when the key was
first and last written. The unfiltered catalog then reads one row per key instead of
grouping every entry (10,000 keys over 100,000 runs: a few milliseconds, not hundreds).

`first_seen` and `last_seen` bound every write of the key, including values since
replaced or deleted: the key's history, not only its current entries. A catalog narrowed
by time, pipeline or project still groups the entries themselves, for exact answers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, case, delete, func, select, text, type_coerce, update

from headwater.store.models import MetadataType
from headwater.store.sql.column_types import FastUtcDateTime
from headwater.store.sql.inserts import dialect_insert
from headwater.store.sql.prepared import PreparedStatement
from headwater.store.sql.schema import metadata_entries, metadata_keys

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlalchemy.engine import Connection

    from headwater.store.sql.prepared import Executor

_keys = metadata_keys.c
_entries = metadata_entries.c
# (target_kind, key, type): one row of the summary.
SummaryKey = tuple[str, str, str]

_SELECT_TARGET_KEYS = PreparedStatement(
    select(_entries.key, _entries.type).where(
        _entries.target_kind == bindparam("kind"), _entries.target_id == bindparam("target_id")
    ),
    name="metadata_key_counts.select_target_keys",
)
_THIS_KEY = and_(
    _keys.target_kind == bindparam("kind"),
    _keys.key == bindparam("key_name"),
    _keys.type == bindparam("type_name"),
)
_DECREMENT = PreparedStatement(
    update(metadata_keys)
    .where(_THIS_KEY)
    .values(entity_count=_keys.entity_count - bindparam("removed")),
    name="metadata_key_counts.decrement",
)
_DROP_EMPTY = PreparedStatement(
    delete(metadata_keys).where(_THIS_KEY, _keys.entity_count <= 0),
    name="metadata_key_counts.drop_empty",
)


def _build_increment(dialect: str) -> Any:
    statement: Any = dialect_insert(dialect)(metadata_keys)
    new = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=["target_kind", "key", "type"],
        set_={
            "entity_count": _keys.entity_count + new.entity_count,
            "first_seen": case(
                (new.first_seen < _keys.first_seen, new.first_seen), else_=_keys.first_seen
            ),
            "last_seen": case(
                (new.last_seen > _keys.last_seen, new.last_seen), else_=_keys.last_seen
            ),
        },
    )


_INCREMENT = PreparedStatement(_build_increment, name="metadata_key_counts.increment")


@dataclass(slots=True)
class _Change:
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
    changes: dict[SummaryKey, _Change] = defaultdict(_Change)
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
    _apply(connection, changes)


def count_deleted(connection: Connection, kind: str, target_ids: list[uuid.UUID]) -> None:
    """Adjust the summary for every entry of these targets (call before deleting them)."""
    counted = connection.execute(
        select(_entries.key, _entries.type, func.count())
        .where(_entries.target_kind == kind, _entries.target_id.in_(target_ids))
        .group_by(_entries.key, _entries.type)
    )
    changes: dict[SummaryKey, _Change] = {
        (kind, key, type_): _Change(removed=int(count)) for key, type_, count in counted
    }
    _apply(connection, changes)


def _apply(connection: Executor, changes: dict[SummaryKey, _Change]) -> None:
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
        _DROP_EMPTY.execute_many(connection, [_without_removed(d) for d in decrements])


def _without_removed(parameters: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in parameters.items() if name != "removed"}


_SUMMARY = select(
    _keys.key,
    _keys.type,
    _keys.entity_count,
    type_coerce(_keys.first_seen, FastUtcDateTime()),
    type_coerce(_keys.last_seen, FastUtcDateTime()),
)
# The whole catalog of a resource type, on the driver's cursor: its 10,000 rows through
# SQLAlchemy's per-row result handling took a third of the catalog's time (issue 11).
_SELECT_SUMMARY = PreparedStatement(
    _SUMMARY.where(_keys.target_kind == bindparam("kind")),
    name="metadata_key_counts.select_summary",
)


def summary_rows(
    connection: Connection, kind: str, search: str | None
) -> list[tuple[str, str, int, dt.datetime, dt.datetime]]:
    """(key, type, count, first seen, last seen) of every key of a resource type."""
    if not search:
        return _SELECT_SUMMARY.execute_tuples(connection, {"kind": kind})
    statement = _SUMMARY.where(
        _keys.target_kind == kind, _keys.key.icontains(search, autoescape=True)
    )
    return [(k, t, c, f, last) for k, t, c, f, last in connection.execute(statement)]


_TEXT_TYPES = frozenset(
    kind.value
    for kind in (MetadataType.STRING, MetadataType.URI, MetadataType.PATH, MetadataType.DATETIME)
)


def holds_only_text(connection: Connection, kind: str, key: str) -> bool:
    """Whether every value the key has held on this resource type is text (or a date)."""
    found = connection.execute(
        select(_keys.type).where(_keys.target_kind == kind, _keys.key == key)
    ).scalars()
    types = set(found)
    return bool(types) and types <= _TEXT_TYPES


# Counts every entry again: for the migration that adds the table, and for seeding
# benchmarks that insert entries in bulk past the store's write path.
REBUILD_SQL = text(
    "INSERT INTO metadata_keys (target_kind, key, type, entity_count, first_seen, last_seen) "
    "SELECT target_kind, key, type, COUNT(*), MIN(created), MAX(created) "
    "FROM metadata_entries GROUP BY target_kind, key, type"
)


def rebuild_summary(connection: Connection) -> None:
    """Count the summary from the entries themselves, replacing what it held."""
    connection.execute(delete(metadata_keys))
    connection.execute(REBUILD_SQL)
