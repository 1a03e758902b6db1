"""Failed logins counted in the database, which every server worker process shares.

One write transaction per attempt checks the counts and adds the attempt, under a lock
(BEGIN IMMEDIATE on SQLite, a self-exclusive table lock on PostgreSQL): so parallel
guesses through different workers cannot all pass the check before any is counted.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, select, text

from headwater.store.logins import LoginRefusal
from headwater.store.sql.schema import login_failures

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_ROWS = login_failures.c


def begin_attempt(
    connection: Connection,
    attempt_id: uuid.UUID,
    limits: Sequence[tuple[str, int]],
    window_seconds: float,
    now: float,
) -> LoginRefusal | None:
    """Refuse if a key has its limit of failures in the window, else count the attempt
    as a failure of each key. Failures that left the window are forgotten first."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("LOCK TABLE login_failures IN SHARE ROW EXCLUSIVE MODE"))
    connection.execute(delete(login_failures).where(_ROWS.at <= now - window_seconds))
    for key, limit in limits:
        failures, oldest = connection.execute(
            select(func.count(), func.min(_ROWS.at)).where(_ROWS.key == key)
        ).one()
        if failures >= limit:
            return LoginRefusal(key, int(failures), float(oldest))
    connection.execute(
        insert(login_failures),
        [{"attempt_id": attempt_id, "key": key, "at": now} for key, _ in limits],
    )
    return None


def forget_success(connection: Connection, attempt_id: uuid.UUID, user_key: str) -> None:
    """Clear the user name's failures and take the attempt off every other key."""
    connection.execute(
        delete(login_failures).where((_ROWS.key == user_key) | (_ROWS.attempt_id == attempt_id))
    )
