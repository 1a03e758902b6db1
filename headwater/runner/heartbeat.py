"""`Heartbeat`: a daemon thread proving to the store that a run's process is alive.

A run whose heartbeat goes stale (its process was killed) is shown as stopped instead of
running forever: see `Store.stop_stale_runs`.
"""

from __future__ import annotations

import logging
import threading
import uuid
from typing import TYPE_CHECKING

from headwater.errors import HeadwaterError

if TYPE_CHECKING:
    from types import TracebackType

    from headwater.store.base import RunRecorder

logger = logging.getLogger(__name__)


class Heartbeat:
    """Beats every `interval` seconds while used as a context manager."""

    def __init__(self, store: RunRecorder, run_id: uuid.UUID, interval: float) -> None:
        self._store = store
        self._run_id = run_id
        self._interval = interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(
            target=self._beat, name=f"headwater-heartbeat-{run_id}", daemon=True
        )

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stopped.set()
        self._thread.join()

    def _beat(self) -> None:
        while not self._stopped.wait(self._interval):
            try:
                self._store.heartbeat(self._run_id)
            except HeadwaterError:
                # A missed beat is harmless; the next one may succeed.
                logger.warning("Could not record a heartbeat for run %s", self._run_id)
