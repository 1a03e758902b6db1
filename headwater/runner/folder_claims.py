"""`FolderClaim`: a step's claim, in the metadata store, on the byte folders of its outputs.

A prune deletes no folder a live claim holds, and while a prune is deleting a folder the
claim waits for it to finish (see `headwater/store/sql/artifact_claims.py`). Unlike the
file lock of `headwater/artifacts/prune_lock.py` this covers object stores and every
machine sharing the store.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headwater.store.base import RunRecorder

_FIRST_WAIT_SECONDS = 0.02
_LONGEST_WAIT_SECONDS = 1.0


class FolderClaim:
    """The URIs one step saves into or reuses, claimed until its records are committed."""

    def __init__(self, store: RunRecorder) -> None:
        self._store = store
        self._id = uuid.uuid4()
        self._held = False

    def add(self, uris: Sequence[str]) -> None:
        """Claim `uris` too, waiting while a prune deletes one of them.

        The wait ends: the prune releases its claim once its bytes are gone, and a killed
        prune's claim expires.
        """
        wait = _FIRST_WAIT_SECONDS
        while not self._store.claim_artifact_uris(self._id, list(uris)):
            time.sleep(wait)
            wait = min(wait * 2, _LONGEST_WAIT_SECONDS)
        self._held = True

    def release(self) -> None:
        """Drop the claim; a failure to do so only keeps the folders until it expires."""
        if not self._held:
            return
        self._held = False
        with contextlib.suppress(Exception):
            self._store.release_artifact_claim(self._id)


@contextlib.contextmanager
def folder_claim(store: RunRecorder) -> Iterator[FolderClaim]:
    """A claim released on the way out, whatever happened."""
    claim = FolderClaim(store)
    try:
        yield claim
    finally:
        claim.release()
