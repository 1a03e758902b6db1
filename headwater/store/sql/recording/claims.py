"""A saver's artifact claims: taken before its outputs are published, dropped once recorded.

Why claims exist, and how a prune takes its own, is told in `artifact_claims`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from typing import Any

from headwater.store.sql.prepared import Executor, PreparedStatement, dialect_name_of
from headwater.store.sql.recording.rows import table_named

SAVE = "save"
PRUNE = "prune"
# Long enough for the slowest upload of a step's outputs before they are recorded.
SAVE_CLAIM_SECONDS = 6 * 3600.0
# Long enough to delete a prune's folders from an object store.
PRUNE_CLAIM_SECONDS = 3600.0


def _lock(_dialect: str) -> Any:
    from sqlalchemy import text

    return text("LOCK TABLE artifact_claims IN SHARE ROW EXCLUSIVE MODE")


def _pruned(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    claims = table_named("artifact_claims").c
    return select(claims.uri).where(
        claims.uri == bindparam("claimed_uri"),
        claims.kind == PRUNE,
        claims.created > bindparam("live_after"),
    )


def _held(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    claims = table_named("artifact_claims").c
    return select(claims.uri).where(
        claims.claim_id == bindparam("held_by"), claims.uri == bindparam("claimed_uri")
    )


def _release(_dialect: str) -> Any:
    from sqlalchemy import bindparam, delete

    claims = table_named("artifact_claims")
    return delete(claims).where(claims.c.claim_id == bindparam("released"))


_LOCK = PreparedStatement(_lock, name="claims.lock")
_SELECT_PRUNED = PreparedStatement(_pruned, name="claims.pruned")
_SELECT_HELD = PreparedStatement(_held, name="claims.held")
_INSERT = PreparedStatement(
    lambda _dialect: table_named("artifact_claims").insert(), name="claims.insert"
)
_RELEASE = PreparedStatement(_release, name="claims.release")


def lock_claims(connection: Executor) -> None:
    """Serialize claim takers with each other; SQLite's write transactions already are."""
    if dialect_name_of(connection) == "postgresql":
        _LOCK.execute_count(connection, {})


def claim_for_save(
    connection: Executor, claim_id: uuid.UUID, uris: Collection[str], now: dt.datetime
) -> bool:
    """Claim `uris` for a save unless a live prune claims one of them; True if claimed."""
    if not uris:
        return True
    lock_claims(connection)
    live_after = now - dt.timedelta(seconds=PRUNE_CLAIM_SECONDS)
    wanted = sorted(set(uris))
    # One lookup per URI: a step saves a handful of outputs.
    for uri in wanted:
        if _SELECT_PRUNED.first(connection, {"claimed_uri": uri, "live_after": live_after}):
            return False
    rows = [
        {"claim_id": claim_id, "uri": uri, "kind": SAVE, "created": now}
        for uri in wanted
        if _SELECT_HELD.first(connection, {"held_by": claim_id, "claimed_uri": uri}) is None
    ]
    _INSERT.execute_many(connection, rows)
    return True


def release_claim(connection: Executor, claim_id: uuid.UUID) -> None:
    """Drop every URI of one claim; an unknown (or expired and removed) claim is fine."""
    _RELEASE.execute_count(connection, {"released": claim_id})
