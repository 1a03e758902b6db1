"""`/events`: run and step changes, as a live server-sent event stream or a plain list.

The streams read the store's events outbox through one poller (`event_feed`), so
changes written by any process (a pipeline recording into the same SQLite file or
PostgreSQL database) reach them. Each
event carries its id; a client that reconnects with `Last-Event-ID` gets every event
after that one, and nothing twice.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from headwater.errors import ApiError
from headwater.server.access import CallerDep
from headwater.server.dependencies import SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.event_feed import BATCH, EventFeed, EventFeeds
from headwater.server.visibility import EventFilter
from headwater.store.events import StoreEvent
from headwater.store.value_types import INT64_MAX

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)


def _feeds(request: Request) -> EventFeeds:
    feeds: EventFeeds = request.app.state.event_feeds
    return feeds


EventFeedsDep = Annotated[EventFeeds, Depends(_feeds)]
KEEP_ALIVE_SECONDS = 15.0
WAKE_SECONDS = 1.0
_STREAM: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/event-stream": {}},
        "description": "Server-sent events: `id`, `event` (run or step_run), `data` (JSON).",
    }
}


class LastEventId(BaseModel):
    """The newest event's id: a reader starting now asks for events after it."""

    id: int


@router.get("/events/history", operation_id="list_events")
def list_events(
    session: SessionDep,
    caller: CallerDep,
    after: Annotated[
        int, Query(ge=0, le=INT64_MAX, description="Return events with a higher id.")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=BATCH)] = 100,
    run_id: uuid.UUID | None = None,
) -> list[StoreEvent]:
    """List run and step changes after an event id, oldest first.

    Only events of runs the caller may read are listed, so a page may hold fewer than
    `limit` events while more follow.
    """
    found = session.store.list_events(after=after, limit=limit, run_id=run_id)
    return EventFilter(session.store, caller).keep(found)


@router.get("/events/latest", operation_id="get_last_event_id")
def get_last_event_id(session: SessionDep, run_id: uuid.UUID | None = None) -> LastEventId:
    """The newest event's id, of one run if given (0 when nothing has happened yet)."""
    return LastEventId(id=session.store.last_event_id(run_id=run_id))


@router.get(
    "/events",
    operation_id="stream_events",
    response_class=StreamingResponse,
    responses=_STREAM,
)
def stream_events(
    request: Request,
    feeds: EventFeedsDep,
    session: SessionDep,
    caller: CallerDep,
    run_id: uuid.UUID | None = None,
    after: Annotated[
        int | None, Query(ge=0, le=INT64_MAX, description="Start after this event id.")
    ] = None,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> StreamingResponse:
    """Stream run and step changes as server-sent events, live.

    Without `Last-Event-ID` (or `after`) the stream starts with the next change; a
    reconnecting EventSource resumes after the last event it received.
    """
    start = _resume_point(last_event_id, after)
    if start is None:
        start = session.store.last_event_id()
    return StreamingResponse(
        _events(
            request, EventFilter(session.store, caller), feeds.of(session.store), start, run_id
        ),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def _resume_point(header: str | None, after: int | None) -> int | None:
    if header is None or not header.strip():
        return after
    if not header.strip().isdigit():
        raise ApiError(
            400,
            "bad_request",
            f"Last-Event-ID '{header}' is not an event id. Send the id of the last event "
            f"received, a whole number.",
        )
    return int(header.strip())


async def _events(
    request: Request, visible: EventFilter, feed: EventFeed, after: int, run_id: uuid.UUID | None
) -> AsyncIterator[str]:
    # Tell EventSource to reconnect quickly; it resends the last id it saw.
    yield "retry: 1000\n\n"
    idle = 0.0
    async with feed.subscription():
        while not await request.is_disconnected():
            # Short waits: a closed stream is noticed within a second, at no query's cost.
            after, batch = await feed.next_batch(after, run_id=run_id, wait_seconds=WAKE_SECONDS)
            for event in await run_in_threadpool(visible.keep, batch):
                data = event.model_dump_json()
                yield f"id: {event.id}\nevent: {event.entity.value}\ndata: {data}\n\n"
            idle = 0.0 if batch else idle + WAKE_SECONDS
            if idle >= KEEP_ALIVE_SECONDS:
                idle = 0.0
                yield ": keep-alive\n\n"
