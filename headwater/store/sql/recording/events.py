"""Writing the events outbox, in the transaction of each run or step change.

On SQLite writes are serialized, so ids grow in commit order. On PostgreSQL a sequence
hands out ids at insert time, and two transactions could commit out of order, letting a
reader that already passed id 8 miss a late-committed 7. Each writer therefore takes a
transaction-level advisory lock just before its event insert (its last statement), which
orders event ids by commit at the cost of serializing only those final moments.

The outbox is for readers catching up, not an archive: each new run trims it to the
newest `EVENTS_KEPT` events (by id, so the trim walks the primary key only).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from headwater.store.events import EventChange, EventEntity
from headwater.store.models import ExecutionStatus
from headwater.store.sql.prepared import Executor, PreparedStatement, dialect_name_of
from headwater.store.sql.recording.rows import table_named

# Enough for a reader to resume after a long disconnect during several 5,000-step runs
# (about two events per step), small enough that the table never outgrows the runs.
EVENTS_KEPT = 200_000
# Any fixed number: the one lock all event writers of a database share.
_EVENTS_LOCK_KEY = 8_237_000
_COLUMNS = ("created", "entity", "entity_id", "run_id", "name", "change", "status")


def _lock(_dialect: str) -> Any:
    from sqlalchemy import bindparam, func, select

    return select(func.pg_advisory_xact_lock(bindparam("key")))


def _insert(_dialect: str) -> Any:
    from sqlalchemy import bindparam

    # The id is left to the database; bound names differ from column names, as SQL wants.
    values: dict[str, Any] = {name: bindparam(f"event_{name}") for name in _COLUMNS}
    return table_named("events").insert().inline().values(values)


def _last_id(_dialect: str) -> Any:
    from sqlalchemy import func, select

    return select(func.coalesce(func.max(table_named("events").c.id), 0).label("last_id"))


def _delete_up_to(_dialect: str) -> Any:
    from sqlalchemy import bindparam

    events = table_named("events")
    return events.delete().where(events.c.id <= bindparam("oldest_kept"))


_LOCK = PreparedStatement(_lock, name="events.lock")
_INSERT = PreparedStatement(_insert, name="events.insert")
_LAST_ID = PreparedStatement(_last_id, name="events.last_id")
_DELETE_UP_TO = PreparedStatement(_delete_up_to, name="events.delete_up_to")


def record_event(
    executor: Executor,
    *,
    entity: EventEntity,
    entity_id: uuid.UUID,
    run_id: uuid.UUID,
    name: str | None,
    change: EventChange,
    status: ExecutionStatus | None,
    now: dt.datetime,
) -> None:
    """Add one event to the outbox, inside the caller's transaction."""
    row = {
        "created": now,
        "entity": entity.value,
        "entity_id": entity_id,
        "run_id": run_id,
        "name": name,
        "change": change.value,
        "status": None if status is None else status.value,
    }
    record_events(executor, [row])


def record_events(executor: Executor, rows: list[dict[str, Any]]) -> None:
    """Add events (rows of the `events` table without ids), inside the caller's transaction."""
    if not rows:
        return
    if dialect_name_of(executor) == "postgresql":
        _LOCK.execute(executor, {"key": _EVENTS_LOCK_KEY})
    _INSERT.execute_many(
        executor, [{f"event_{name}": row[name] for name in _COLUMNS} for row in rows]
    )


def status_events(
    *,
    entity: EventEntity,
    run_id: uuid.UUID,
    changed: list[tuple[uuid.UUID, str]],
    now: dt.datetime,
) -> list[dict[str, Any]]:
    """A `stopped` status event for each (id, name) of runs or step runs stopped at `now`."""
    return [
        {
            "created": now,
            "entity": entity.value,
            "entity_id": entity_id,
            "run_id": entity_id if entity is EventEntity.RUN else run_id,
            "name": name,
            "change": EventChange.STATUS.value,
            "status": ExecutionStatus.STOPPED.value,
        }
        for entity_id, name in changed
    ]


def trim_events(executor: Executor, keep: int = EVENTS_KEPT) -> int:
    """Delete all but the newest `keep` events; the number deleted."""
    found = _LAST_ID.first(executor, {})
    oldest_kept = (0 if found is None else int(found["last_id"])) - keep
    if oldest_kept <= 0:
        return 0
    return _DELETE_UP_TO.execute_count(executor, {"oldest_kept": oldest_kept})
