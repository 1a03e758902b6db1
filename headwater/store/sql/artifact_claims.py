"""Artifact claims: why a prune can never delete bytes a run is about to record, on any
artifact store and from any machine.

Artifact bytes are content-addressed, so a step saving bytes equal to an unused
version's keeps the existing folder; a prune that found no record pointing at that folder
deletes it; the step then records an output pointing at nothing. The file lock in
`headwater/artifacts/prune_lock.py` keeps the two apart on one machine's disks only. The
database is what every saver and pruner shares, so the claims live there:

- a saver claims a folder's URI (kind `save`) before it publishes into it or checks that
  cached outputs exist; a run's steps share one claim, dropped when its steps have ended
  (each output is recorded by then, or its step gave up);
- a prune, in the transaction that deletes the unused versions, leaves out every folder
  a live `save` claim holds and claims (kind `prune`) those it will delete, dropping that
  claim once their bytes are gone;
- a save claim is refused while a live prune claim holds the URI: the saver waits for the
  prune to finish, then publishes its own copy into the emptied place.

Both sides take the claims under one lock (BEGIN IMMEDIATE on SQLite, a self-exclusive
table lock on PostgreSQL), so of a save claim and a prune either one commits first and
the other sees it. Claims of a process that was killed expire: a prune ignores (and
removes) save claims older than `SAVE_CLAIM_SECONDS`, a saver prune claims older than
`PRUNE_CLAIM_SECONDS`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, or_, select

from headwater.store.sql.recording.claims import (
    PRUNE,
    PRUNE_CLAIM_SECONDS,
    SAVE,
    SAVE_CLAIM_SECONDS,
    lock_claims,
)
from headwater.store.sql.schema import artifact_claims

_CLAIMS = artifact_claims.c

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def saving_uris(connection: Connection, uris: Collection[str], now: dt.datetime) -> set[str]:
    """Those of `uris` a live save claim holds."""
    if not uris:
        return set()
    return set(
        connection.execute(
            select(_CLAIMS.uri).where(
                _CLAIMS.uri.in_(list(uris)),
                _CLAIMS.kind == SAVE,
                _CLAIMS.created > now - dt.timedelta(seconds=SAVE_CLAIM_SECONDS),
            )
        ).scalars()
    )


def claim_for_prune(
    connection: Connection, uris: Collection[str], now: dt.datetime, *, dry_run: bool
) -> tuple[uuid.UUID | None, set[str]]:
    """Of `uris`, the ones no live save claims, claimed for deletion (unless `dry_run`).

    Expired claims of either kind go first: their holders were killed.

    Returns:
        The prune's claim id (None when nothing was claimed) and the claimed URIs.
    """
    lock_claims(connection)
    if not dry_run:
        connection.execute(
            delete(artifact_claims).where(
                or_(
                    (_CLAIMS.kind == SAVE)
                    & (_CLAIMS.created <= now - dt.timedelta(seconds=SAVE_CLAIM_SECONDS)),
                    (_CLAIMS.kind == PRUNE)
                    & (_CLAIMS.created <= now - dt.timedelta(seconds=PRUNE_CLAIM_SECONDS)),
                )
            )
        )
    if not uris:
        return None, set()
    free = set(uris) - saving_uris(connection, uris, now)
    if dry_run or not free:
        return None, free
    claim_id = uuid.uuid4()
    connection.execute(
        insert(artifact_claims),
        [{"claim_id": claim_id, "uri": uri, "kind": PRUNE, "created": now} for uri in sorted(free)],
    )
    return claim_id, free
