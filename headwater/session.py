"""`Session`: the stores this process talks to, opened once per configuration.

Opening a store checks its schema and builds a connection pool; doing that once per
process (not once per run) keeps a run's fixed cost low.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import dataclass

from headwater.artifacts.artifact_store import ArtifactStore
from headwater.config import ARTIFACT_STORE_URL_VARIABLE, Settings, load_settings
from headwater.store.base import Store
from headwater.store.factory import open_store

# A run whose heartbeat is this many intervals old is taken for dead.
STALE_AFTER_BEATS = 6


@dataclass(frozen=True)
class Session:
    """The metadata store and artifact store of one configuration."""

    settings: Settings
    store: Store
    artifact_store: ArtifactStore

    @property
    def stale_after(self) -> dt.timedelta:
        """How long without a heartbeat before a running run is shown as stopped."""
        return dt.timedelta(seconds=self.settings.heartbeat_interval * STALE_AFTER_BEATS)

    def stop_stale_runs(self) -> None:
        """Mark runs whose process died as stopped, so none shows as running forever."""
        self.store.stop_stale_runs(older_than=self.stale_after)


_sessions: dict[Settings, Session] = {}
_lock = threading.Lock()


def get_session() -> Session:
    """The session for the current environment's settings, opened on first use.

    Raises:
        ConfigurationError: the settings name an unusable store.
    """
    settings = load_settings()
    with _lock:
        session = _sessions.get(settings)
        if session is None:
            store = open_store(settings.store_url)
            session = Session(
                settings=settings,
                store=store,
                artifact_store=ArtifactStore(_artifact_store_url(settings, store)),
            )
            _sessions[settings] = session
        return session


def _artifact_store_url(settings: Settings, store: Store) -> str:
    """A server's store names the artifact store its runs write to, unless overridden."""
    from headwater.store.rest import RestStore

    if isinstance(store, RestStore) and not os.environ.get(ARTIFACT_STORE_URL_VARIABLE):
        return store.artifact_store_url()
    return settings.artifact_store_url


def close_sessions() -> None:
    """Close every open session (tests switch HEADWATER_HOME between cases)."""
    with _lock:
        for session in _sessions.values():
            session.store.close()
        _sessions.clear()
