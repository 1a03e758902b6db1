"""Idempotent writes: a write retried after its answer was lost is applied once.

When a server restarts, a write may have been applied while its answer never reached the
client, which then sends it again (see `headwater.store.rest.retries`). To make that
harmless, the REST store sends each logical write with an `Idempotency-Key` header, a
random key it keeps for all the write's retries. The server's store then saves, in the
same transaction as the write itself, the key with a fingerprint of the request and the
answer (`SqlStore`'s `write_answers` table). So whatever the moment the server dies:

- the write did not commit: neither did its key, and the retry applies it;
- the write committed: so did its key and answer, and the retry gets that answer back
  instead of applying the write again.

Two tries of one write that overlap (the client gave up waiting while the first still
ran) meet at the key's primary key: the second's transaction fails with
`RepeatedWriteError` and is rolled back, and the server answers with the first's answer.
A key sent again with a different request is refused (422).

The writes that need this are the ones that create or move something: `create_run`,
`update_run_status`, `start_step` and `finish_step`. Heartbeats and metadata set values,
so sending them twice does no harm; they carry no key. Answers are kept for
`ANSWERS_KEPT_FOR` (far longer than any retry window) and trimmed as runs are created.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

IDEMPOTENCY_HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 100
ANSWERS_KEPT_FOR = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class WriteKey:
    """One logical write: the client's key and a fingerprint of what it asked for."""

    key: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class WriteAnswer:
    """What a keyed write answered when it was applied (JSON, or None for no body)."""

    fingerprint: str
    answer: str | None


@runtime_checkable
class WriteAnswers(Protocol):
    """A store that keeps the answers of keyed writes (the SQL store, not the REST one)."""

    def find_write_answer(self, key: str) -> WriteAnswer | None:
        """The answer saved with `key`, if a write with that key was applied."""
        ...


_current_key: ContextVar[WriteKey | None] = ContextVar("headwater_write_key", default=None)


@contextmanager
def keyed_write(key: WriteKey | None) -> Iterator[None]:
    """Make the store write done inside the block save its answer under `key`."""
    token = _current_key.set(key)
    try:
        yield
    finally:
        _current_key.reset(token)


def current_write_key() -> WriteKey | None:
    """The key the write being done now is saved under, if any."""
    return _current_key.get()


def fingerprint(method: str, path: str, body: bytes) -> str:
    """A digest of a request, to tell a retry from another request reusing its key."""
    digest = hashlib.sha256(f"{method.upper()} {path}\n".encode())
    digest.update(body)
    return digest.hexdigest()
