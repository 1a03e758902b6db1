"""The events outbox: written in the transaction of each run or step change, read in order.

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
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select

from headwater.store.events import EventChange, EventEntity, StoreEvent
from headwater.store.models import ExecutionStatus
from headwater.store.sql.prepared import Executor, PreparedStatement, dialect_name_of
from headwater.store.sql.schema import events, runs

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

# Enough for a reader to resume after a long disconnect during several 5,000-step runs
# (about two events per step), small enough that the table never outgrows the runs.
EVENTS_KEPT = 200_000
# Any fixed number: the one lock all event writers of a database share.
_EVENTS_LOCK_KEY = 8_237_000
_LOCK = PreparedStatement(select(func.pg_advisory_xact_lock(bindparam("key"))), name="events.lock")
_COLUMNS = ("created", "entity", "entity_id", "run_id", "name", "change", "status")
# The id is left to the database; bound names differ from column names, as SQL wants.
_INSERT = PreparedStatement(
    events.insert().inline().values({name: bindparam(f"event_{name}") for name in _COLUMNS}),
    name="events.insert",
)
_SELECT_STOPPED = select(runs.c.id, runs.c.name).where(
    runs.c.id.in_(bindparam("run_ids", expanding=True)),
    runs.c.status == ExecutionStatus.STOPPED.value,
    runs.c.ended == bindparam("now"),
)


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


def record_stopped_runs(connection: Connection, run_ids: list[uuid.UUID], now: dt.datetime) -> None:
    """An event for each of `run_ids` that `stop_runs` has just stopped at `now`."""
    stopped = connection.execute(_SELECT_STOPPED, {"run_ids": run_ids, "now": now}).all()
    record_events(
        connection,
        [
            {
                "created": now,
                "entity": EventEntity.RUN.value,
                "entity_id": row.id,
                "run_id": row.id,
                "name": row.name,
                "change": EventChange.STATUS.value,
                "status": ExecutionStatus.STOPPED.value,
            }
            for row in stopped
        ],
    )


def record_stopped_steps(
    connection: Connection,
    run_id: uuid.UUID,
    step_runs: list[tuple[uuid.UUID, str]],
    now: dt.datetime,
) -> None:
    """An event for each (id, name) of `step_runs` stopped at `now` with their run."""
    record_events(
        connection,
        [
            {
                "created": now,
                "entity": EventEntity.STEP_RUN.value,
                "entity_id": step_run_id,
                "run_id": run_id,
                "name": name,
                "change": EventChange.STATUS.value,
                "status": ExecutionStatus.STOPPED.value,
            }
            for step_run_id, name in step_runs
        ],
    )


def list_events(
    connection: Connection, *, after: int, limit: int, run_id: uuid.UUID | None
) -> list[StoreEvent]:
    """Events with an id above `after`, oldest first, optionally of one run only."""
    statement = select(events).where(events.c.id > after)
    if run_id is not None:
        statement = statement.where(events.c.run_id == run_id)
    rows = connection.execute(statement.order_by(events.c.id).limit(limit))
    return [StoreEvent.model_validate(dict(row._mapping)) for row in rows]


def trim_events(connection: Connection, keep: int = EVENTS_KEPT) -> int:
    """Delete all but the newest `keep` events; the number deleted."""
    oldest_kept = last_event_id(connection) - keep
    if oldest_kept <= 0:
        return 0
    return connection.execute(events.delete().where(events.c.id <= oldest_kept)).rowcount


def last_event_id(connection: Connection, *, run_id: uuid.UUID | None = None) -> int:
    """The id of the newest event, of one run if given (0 when there is none)."""
    statement = select(func.coalesce(func.max(events.c.id), 0))
    if run_id is not None:  # answered from the (run_id, id) index alone
        statement = statement.where(events.c.run_id == run_id)
    return int(connection.execute(statement).scalar_one())
