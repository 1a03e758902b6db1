"""Claims, in the metadata store, on the byte folders a run's steps save into or reuse.

A prune deletes no folder a live claim holds, and while a prune is deleting a folder the
claim waits for it to finish (see `headwater/store/sql/artifact_claims.py`). Unlike the
file lock of `headwater/artifacts/prune_lock.py` this covers object stores and every
machine sharing the store.

The steps of one run share one claim (`RunFolderClaim`), released when the run ends
rather than after each step: a folder only needs its claim until the output pointing at
it is recorded, so holding it longer is safe, and it spares every step a write
transaction (issue 19). A claim is renewed under a fresh id once it is older than
`_LONGEST_CLAIM_SECONDS`, far below the age at which a prune takes a claim for a killed
process's and ignores it.
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headwater.store.base import RunRecorder

_FIRST_WAIT_SECONDS = 0.02
_LONGEST_WAIT_SECONDS = 1.0
# A prune ignores save claims older than 6 hours (SAVE_CLAIM_SECONDS): renewing long
# before keeps every URI a live step needs claimed by a row a prune respects.
_LONGEST_CLAIM_SECONDS = 600.0


class FolderClaim:
    """URIs claimed under one claim id, until released."""

    def __init__(self, store: RunRecorder, clock: Callable[[], float] = time.monotonic) -> None:
        self._store = store
        self._id = uuid.uuid4()
        self._clock = clock
        self._first_claimed: float | None = None
        # What this id holds: a prune takes none of it, so claiming it again is a no-op.
        self._held: set[str] = set()

    def add(self, uris: Sequence[str]) -> None:
        """Claim `uris` too, waiting while a prune deletes one of them.

        The wait ends: the prune releases its claim once its bytes are gone, and a killed
        prune's claim expires.
        """
        new = [uri for uri in uris if uri not in self._held]
        if not new:
            return
        wait = _FIRST_WAIT_SECONDS
        while not self._store.claim_artifact_uris(self._id, new):
            time.sleep(wait)
            wait = min(wait * 2, _LONGEST_WAIT_SECONDS)
        self._held.update(new)
        if self._first_claimed is None:
            self._first_claimed = self._clock()

    def age_seconds(self) -> float:
        """Seconds since the first URI was claimed; 0 when nothing is."""
        return 0.0 if self._first_claimed is None else self._clock() - self._first_claimed

    def release(self) -> None:
        """Drop the claim; a failure to do so only keeps the folders until it expires."""
        if self._first_claimed is None:
            return
        self._first_claimed = None
        self._held = set()
        with contextlib.suppress(Exception):
            self._store.release_artifact_claim(self._id)


class RunFolderClaim:
    """The claim every step of one run adds its folders to; `release` it when the run ends.

    Example:
        >>> claims = RunFolderClaim(store)
        >>> with claims.step() as claim:  # a step's save window
        ...     claim.add([uri])
        >>> claims.release()  # the run has ended
    """

    def __init__(
        self,
        store: RunRecorder,
        *,
        longest_seconds: float = _LONGEST_CLAIM_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._longest_seconds = longest_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._current = FolderClaim(store, clock)
        # Claim -> steps inside their save window with it; a renewed claim is released
        # once its last step has left.
        self._steps_inside: dict[FolderClaim, int] = {}

    @contextlib.contextmanager
    def step(self) -> Iterator[FolderClaim]:
        """The claim for one step's save window, from before it publishes (or checks
        cached outputs) until its records are committed."""
        retired = None
        with self._lock:
            if self._current.age_seconds() > self._longest_seconds:
                retired, self._current = self._current, FolderClaim(self._store, self._clock)
                if retired in self._steps_inside:
                    retired = None  # its last step releases it
            claim = self._current
            self._steps_inside[claim] = self._steps_inside.get(claim, 0) + 1
        if retired is not None:
            retired.release()
        try:
            yield claim
        finally:
            self._leave(claim)

    def release(self) -> None:
        """Drop the run's claim; call once no step of the run is saving any more."""
        with self._lock:
            claim, self._current = self._current, FolderClaim(self._store, self._clock)
        claim.release()

    def _leave(self, claim: FolderClaim) -> None:
        with self._lock:
            remaining = self._steps_inside.pop(claim) - 1
            if remaining:
                self._steps_inside[claim] = remaining
            is_retired = not remaining and claim is not self._current
        if is_retired:
            claim.release()
