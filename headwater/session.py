"""`Session`: the stores this process talks to, opened once per configuration.

Opening a store checks its schema and builds a connection pool; doing that once per
process (not once per run) keeps a run's fixed cost low.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from headwater.config import ARTIFACT_STORE_URL_VARIABLE, Settings, load_settings
from headwater.errors import HeadwaterError
from headwater.stacks.active import resolve_active_stack
from headwater.stacks.runtime import (
    StackRuntime,
    build_alerter,
    build_artifact_store,
    build_orchestrator,
)
from headwater.store.base import StaleRunSweeper, Store
from headwater.store.factory import open_store, served_artifact_store_url
from headwater.store.filters import ListQuery
from headwater.store.models import STALE_AFTER_BEATS
from headwater.store.stack_models import StackComponentType

if TYPE_CHECKING:
    from headwater.artifacts.artifact_store import ArtifactStore
    from headwater.store.stack_models import Stack, StackComponent


@dataclass(frozen=True)
class Session:
    """The metadata store of one configuration, and the artifact stores of its stacks."""

    settings: Settings
    store: Store
    # Where the default stack's artifact store writes: the settings' location, or the
    # server's when the store is a server's (see `_artifact_store_url`).
    default_artifact_store_url: str = ""
    # Artifact stores opened so far, keyed by component id and settings.
    _artifact_stores: dict[tuple[uuid.UUID, str], ArtifactStore] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def with_artifact_store(
        cls, settings: Settings, store: Store, artifact_store: ArtifactStore
    ) -> Session:
        """A session whose reads look in `artifact_store` first (a running step's own)."""
        session = cls(settings=settings, store=store)
        session._artifact_stores[(uuid.UUID(int=0), artifact_store.url)] = artifact_store
        return session

    def active_stack(self) -> Stack:
        """The stack runs use now (`HEADWATER_STACK`, `headwater stack set`, or default)."""
        return resolve_active_stack(self.store, self.settings)

    def stack_runtime(self, stack: Stack | None = None) -> StackRuntime:
        """The orchestrator and artifact store of `stack` (the active one by default)."""
        chosen = stack or self.active_stack()
        return StackRuntime(
            stack=chosen,
            orchestrator=build_orchestrator(self.store, chosen),
            artifact_store=self.artifact_store_of(
                chosen.components[StackComponentType.ARTIFACT_STORE]
            ),
            alerter=build_alerter(self.store, chosen),
        )

    @property
    def artifact_store(self) -> ArtifactStore:
        """The active stack's artifact store: where runs save their outputs now."""
        return self.artifact_store_of(
            self.active_stack().components[StackComponentType.ARTIFACT_STORE]
        )

    def artifact_store_of(self, component: StackComponent) -> ArtifactStore:
        """The artifact store an artifact store component describes, opened once."""
        key = (component.id, json.dumps(component.settings, sort_keys=True))
        found = self._artifact_stores.get(key)
        if found is None:
            found = build_artifact_store(
                self.store,
                component,
                default_url=self.default_artifact_store_url or self.settings.artifact_store_url,
            )
            self._artifact_stores[key] = found
        return found

    @property
    def default_artifact_store(self) -> ArtifactStore:
        """The store at the default location: where a stackless run's bytes lie."""
        from headwater.artifacts.artifact_store import ArtifactStore

        url = self.default_artifact_store_url or self.settings.artifact_store_url
        key = (uuid.UUID(int=1), url)
        found = self._artifact_stores.get(key)
        if found is None:
            found = self._artifact_stores[key] = ArtifactStore(url)
        return found

    def artifact_store_for(self, uri: str) -> ArtifactStore:
        """The artifact store holding `uri`: artifacts stay readable after the active
        stack changes. Falls back to the active stack's store (which then says the URI
        is outside it)."""
        for opened in list(self._artifact_stores.values()):
            if opened.contains(uri):
                return opened
        active = self.artifact_store
        if active.contains(uri):
            return active
        for candidate in self._registered_artifact_stores():
            if candidate.contains(uri):
                return candidate
        return active

    def artifact_stores(self) -> list[ArtifactStore]:
        """Every artifact store this process can open (the default one, the active stack's
        and each registered one), once per location and in one order: a prune locks them
        all in that order, so two prunes never wait for each other."""
        found = [self.default_artifact_store, self.artifact_store]
        found.extend(self._registered_artifact_stores())
        by_location = {store.local_root or store.url: store for store in found}
        return [by_location[location] for location in sorted(by_location)]

    def _registered_artifact_stores(self) -> Iterator[ArtifactStore]:
        components = self.store.list_stack_components(
            ListQuery(filters={"type": StackComponentType.ARTIFACT_STORE.value}, size=10_000)
        )
        for component in components.items:
            try:
                yield self.artifact_store_of(component)
            except HeadwaterError:
                continue  # a flavor this process lacks, or an unreachable location

    @property
    def stale_after(self) -> dt.timedelta:
        """How long without a heartbeat before a running run is shown as stopped."""
        return dt.timedelta(seconds=self.settings.heartbeat_interval * STALE_AFTER_BEATS)

    def stop_stale_runs(self, *, watched_since: dt.datetime | None = None) -> None:
        """Mark runs whose process died as stopped, so none shows as running forever.

        Only a store that sweeps itself does it (a database); over HTTP the server does.
        """
        if isinstance(self.store, StaleRunSweeper):
            self.store.stop_stale_runs(older_than=self.stale_after, watched_since=watched_since)


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
                default_artifact_store_url=_artifact_store_url(settings, store),
            )
            _sessions[settings] = session
        return session


def _artifact_store_url(settings: Settings, store: Store) -> str:
    """A server's store names the artifact store its runs write to, unless overridden."""
    served = (
        None if os.environ.get(ARTIFACT_STORE_URL_VARIABLE) else served_artifact_store_url(store)
    )
    return served or settings.artifact_store_url


def close_sessions() -> None:
    """Close every open session (tests switch HEADWATER_HOME between cases)."""
    with _lock:
        for session in _sessions.values():
            session.store.close()
        _sessions.clear()
