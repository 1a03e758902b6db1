"""One poller of the events outbox per store, feeding every live event stream.

Each stream used to poll the outbox itself, four times a second: a hundred idle
dashboards cost a hundred queries every 0.25 s. Now one task polls while anyone listens,
keeps the newest events in memory and wakes the streams when more arrive. A stream that
resumes from an event older than that memory catches up from the store first, so
`Last-Event-ID` still gets every event after it, and nothing twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import deque
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import anyio
from starlette.concurrency import run_in_threadpool

from headwater.errors import HeadwaterError

if TYPE_CHECKING:
    from headwater.store.base import Store
    from headwater.store.events import StoreEvent

logger = logging.getLogger(__name__)

# Short enough that a dashboard shows a change well within 200 ms (issue 19).
POLL_SECONDS = 0.1
BATCH = 500
KEPT = 10_000


class EventFeed:
    """The events of one store, polled once for all of its subscribers."""

    def __init__(self, store: Store, *, poll_seconds: float = POLL_SECONDS) -> None:
        self._store = store
        self._poll_seconds = poll_seconds
        self._kept: deque[StoreEvent] = deque(maxlen=KEPT)
        # Every event with an id in (floor, head] is in `_kept`.
        self._floor = 0
        self._head = 0
        self._subscribers = 0
        # Set, then replaced, each time events arrive. (An asyncio.Condition cannot be
        # used: anyio's cancel scopes cancel its lock's reacquiring over and over.)
        self._arrived: anyio.Event | None = None
        self._starting = asyncio.Lock()
        self._poller: asyncio.Task[None] | None = None

    @contextlib.asynccontextmanager
    async def subscription(self) -> AsyncIterator[None]:
        """Keep the poller running for as long as the caller listens."""
        await self._subscribe()
        try:
            yield
        finally:
            self._subscribers -= 1

    async def next_batch(
        self, after: int, *, run_id: uuid.UUID | None, wait_seconds: float
    ) -> tuple[int, list[StoreEvent]]:
        """Events after `after` (of one run, if given), waiting up to `wait_seconds` for
        some to arrive. Returns the id to continue after, and the events (maybe none)."""
        if after < self._floor:  # older than what the poller keeps: ask the store
            batch = await run_in_threadpool(
                self._store.list_events, after=after, limit=BATCH, run_id=run_id
            )
            return (batch[-1].id if batch else max(after, self._floor)), batch
        if after >= self._head:
            await self._wait_for_events(after, wait_seconds)
        found = [event for event in self._kept if event.id > after][:BATCH]
        if not found:
            return after, []
        matching = [event for event in found if run_id is None or event.run_id == run_id]
        return found[-1].id, matching

    async def _wait_for_events(self, after: int, wait_seconds: float) -> None:
        arrived = self._arrived
        assert arrived is not None  # set by `_subscribe`
        if self._head > after:
            return
        with anyio.move_on_after(wait_seconds):
            await arrived.wait()

    async def _subscribe(self) -> None:
        if self._arrived is None:
            self._arrived = anyio.Event()
        self._subscribers += 1
        async with self._starting:  # streams opening at once start one poller
            if self._poller is None or self._poller.done():
                self._head = self._floor = await run_in_threadpool(self._store.last_event_id)
                self._kept.clear()
                self._poller = asyncio.create_task(self._poll())

    async def _poll(self) -> None:
        while self._subscribers > 0:
            try:
                batch = await run_in_threadpool(
                    self._store.list_events, after=self._head, limit=BATCH
                )
            except HeadwaterError as exc:  # a database hiccup must not end the stream
                logger.warning("Could not read the events outbox: %s", exc)
                batch = []
            if batch:
                self._publish(batch)
                continue
            await asyncio.sleep(self._poll_seconds)

    def _publish(self, batch: list[StoreEvent]) -> None:
        assert self._arrived is not None
        for event in batch:
            if len(self._kept) == self._kept.maxlen:
                self._floor = self._kept[0].id
            self._kept.append(event)
        self._head = batch[-1].id
        arrived, self._arrived = self._arrived, anyio.Event()
        arrived.set()


class EventFeeds:
    """The feed of each store a server has served (tests point one app at many)."""

    def __init__(self) -> None:
        self._feeds: dict[int, tuple[Store, EventFeed]] = {}

    def of(self, store: Store) -> EventFeed:
        """The feed of `store`, made on first use."""
        found = self._feeds.get(id(store))
        if found is None or found[0] is not store:
            found = self._feeds[id(store)] = (store, EventFeed(store))
        return found[1]
