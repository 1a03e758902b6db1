"""Many live event streams share one poller of the events outbox."""

from __future__ import annotations

import asyncio
import json
import threading

import httpx
import pytest

from headwater.server.app import create_app
from headwater.server.serving import BackgroundServer
from headwater.session import get_session
from tests.store_contract.records import a_run

STREAMS = 40


class _CountingStore:
    """The real store, counting how often the events outbox is read."""

    def __init__(self, store):
        self._store = store
        self.reads = 0
        self._lock = threading.Lock()

    def list_events(self, **arguments):
        with self._lock:
            self.reads += 1
        return self._store.list_events(**arguments)

    def __getattr__(self, name):
        return getattr(self._store, name)


async def _first_event_of_each(url: str, count: int) -> tuple[list[dict], int]:
    async with httpx.AsyncClient(base_url=f"{url}/api/v1", timeout=60) as client:

        async def first_event(opened: asyncio.Event, ready: list[int]) -> dict:
            async with client.stream("GET", "/events") as response:
                ready.append(1)
                if len(ready) == count:
                    opened.set()
                async for line in response.aiter_lines():
                    if line.startswith("data:"):
                        return dict(json.loads(line.removeprefix("data:")))
            raise AssertionError("the stream ended without an event")

        opened, ready = asyncio.Event(), []
        tasks = [asyncio.create_task(first_event(opened, ready)) for _ in range(count)]
        await asyncio.wait_for(opened.wait(), 60)
        await asyncio.sleep(0.5)  # every stream waits: now see how often the outbox is read
        reads_while_idle = _counting.reads
        get_session().store.create_run(a_run(name="seen-by-all"))
        return list(await asyncio.gather(*tasks)), reads_while_idle


_counting: _CountingStore


@pytest.fixture
def counting_server(static_folder):
    global _counting
    session = get_session()
    _counting = _CountingStore(session.store)
    app = create_app(session, static_folder=static_folder)
    app.state.event_feeds.of(session.store)._store = _counting  # the feed reads through it
    with BackgroundServer(app) as server:
        yield server


def test_every_stream_gets_each_event_from_one_poller(counting_server):
    received, reads_while_idle = asyncio.run(_first_event_of_each(counting_server.url, STREAMS))

    assert [event["entity"] for event in received] == ["run"] * STREAMS
    assert len({event["entity_id"] for event in received}) == 1
    # One poller reads a few times in the half second; one poller per stream would read
    # at least once per stream.
    assert reads_while_idle < STREAMS
