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
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, delete, func, select, text, type_coerce

from headwater.store.models import MetadataType
from headwater.store.sql.column_types import FastUtcDateTime
from headwater.store.sql.prepared import PreparedStatement
from headwater.store.sql.recording.metadata import KeyChange, SummaryKey, apply_key_changes
from headwater.store.sql.schema import metadata_entries, metadata_keys

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


_keys = metadata_keys.c
_entries = metadata_entries.c


def count_deleted(connection: Connection, kind: str, target_ids: list[uuid.UUID]) -> None:
    """Adjust the summary for every entry of these targets (call before deleting them)."""
    counted = connection.execute(
        select(_entries.key, _entries.type, func.count())
        .where(_entries.target_kind == kind, _entries.target_id.in_(target_ids))
        .group_by(_entries.key, _entries.type)
    )
    changes: dict[SummaryKey, KeyChange] = {
        (kind, key, type_): KeyChange(removed=int(count)) for key, type_, count in counted
    }
    apply_key_changes(connection, changes)


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
