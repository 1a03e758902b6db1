"""Reading the events outbox in order (`recording.events` writes it)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from headwater.store.events import StoreEvent
from headwater.store.sql.schema import events

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def list_events(
    connection: Connection, *, after: int, limit: int, run_id: uuid.UUID | None
) -> list[StoreEvent]:
    """Events with an id above `after`, oldest first, optionally of one run only."""
    statement = select(events).where(events.c.id > after)
    if run_id is not None:
        statement = statement.where(events.c.run_id == run_id)
    rows = connection.execute(statement.order_by(events.c.id).limit(limit))
    return [StoreEvent.model_validate(dict(row._mapping)) for row in rows]


def last_event_id(connection: Connection, *, run_id: uuid.UUID | None = None) -> int:
    """The id of the newest event, of one run if given (0 when there is none)."""
    statement = select(func.coalesce(func.max(events.c.id), 0))
    if run_id is not None:  # answered from the (run_id, id) index alone
        statement = statement.where(events.c.run_id == run_id)
    return int(connection.execute(statement).scalar_one())
