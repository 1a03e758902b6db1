"""`PruneLock`: why a prune can never delete the bytes a step is about to record.

The danger (issue 18): a step saves bytes whose content-addressed folder already exists,
so publishing keeps the existing folder; a prune, which found no record pointing at that
folder, deletes it; then the step records its output pointing at the deleted folder.

Two windows must never overlap:

- a *save window*, held by a step from before its first output is published (or, for a
  cached step, before it checks that the original outputs exist) until its records are
  committed;
- a *prune window*, held by a prune from before it reads which versions are unused
  until it has deleted their folders.

`PruneLock` is a readers-writer lock that makes them exclusive: steps share it, a prune
holds it alone. So either the step's window ends first, and its committed records are
visible when the prune reads, which keeps the folder; or the prune's window ends first,
and the folder is gone before the step publishes, so the step publishes its own copy.
No interleaving is left in which the folder vanishes between a step's publish and its
record. Readers-writer locks favour readers, and steps share the lock continually, so
a prune also takes a gate that new steps pass through one by one: once a prune holds
the gate, new steps wait and the ones inside drain, so a prune never starves.

The lock is `flock(2)` on files under the store's `.locks/` folder, which covers every
process of one machine (and NFSv4, which maps `flock` to byte-range locks). Object
stores (S3, GCS, ...) have no locks: there the lock is a no-op, and what closes the race,
there and between machines, is the claims every saver and pruner takes in the metadata
store (`headwater/store/sql/artifact_claims.py`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headwater.artifacts.location import StoreLocation

LOCK_FOLDER = ".locks"


class PruneLock:
    """The readers-writer lock between saving steps and prunes of one artifact store."""

    def __init__(self, location: StoreLocation) -> None:
        self._folder = location.join(LOCK_FOLDER) if location.is_local else None

    @contextlib.contextmanager
    def saving(self) -> Iterator[None]:
        """Hold the lock shared: from publishing outputs until their records commit."""
        if self._folder is None:
            yield
            return
        with _flocked(self._path("gate"), fcntl.LOCK_EX):
            shared = _acquire(self._path("prune"), fcntl.LOCK_SH)
        try:
            yield
        finally:
            os.close(shared)  # closing the file releases its lock

    @contextlib.contextmanager
    def pruning(self) -> Iterator[None]:
        """Hold the lock alone: from reading unused versions until their bytes are gone."""
        if self._folder is None:
            yield
            return
        with (
            _flocked(self._path("gate"), fcntl.LOCK_EX),
            _flocked(self._path("prune"), fcntl.LOCK_EX),
        ):
            yield

    def _path(self, name: str) -> str:
        assert self._folder is not None
        return f"{self._folder}/{name}.lock"


@contextlib.contextmanager
def _flocked(path: str, operation: int) -> Iterator[None]:
    descriptor = _acquire(path, operation)
    try:
        yield
    finally:
        os.close(descriptor)


def _acquire(path: str, operation: int) -> int:
    # A descriptor per holder: flock locks belong to the open file, so two threads of one
    # process exclude each other only if each opens the file itself.
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(descriptor, operation)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor
