"""The server's sweep for stale runs: runs whose process died are marked stopped.

Reads never write: listing runs or drawing a DAG used to stop stale runs first, which
made every GET a possible write (and a busy SQLite file's writer lock a read's cost).
Instead the server looks for stale runs when it starts and then once per heartbeat
interval, so a run whose process died still shows as stopped within a beat of going
stale, whoever is looking.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool

from headwater.errors import HeadwaterError
from headwater.store.models import utc_now

if TYPE_CHECKING:
    from fastapi import FastAPI

    from headwater.session import Session

logger = logging.getLogger(__name__)


async def sweep_stale_runs(session: Session, *, interval_seconds: float) -> None:
    """Stop stale runs now, then again every `interval_seconds`, until cancelled.

    Only beats missed while this server serves count: runs kept beating (and retrying)
    through an outage or a restart, and must not be taken for dead on its return.
    """
    serving_since = utc_now()
    while True:
        try:
            await run_in_threadpool(
                functools.partial(session.stop_stale_runs, watched_since=serving_since)
            )
        except HeadwaterError as exc:  # a database hiccup must not end the sweep for good
            logger.warning("Could not look for stale runs: %s", exc)
        await asyncio.sleep(interval_seconds)


@contextlib.asynccontextmanager
async def sweeping_stale_runs(app: FastAPI) -> AsyncIterator[None]:
    """The app's lifespan: sweep stale runs for as long as the server serves."""
    state = getattr(app.state, "headwater", None)
    if state is None:  # the schema-only app of `openapi_document` serves nothing
        yield
        return
    session: Session = state.session
    interval = session.settings.heartbeat_interval
    task = asyncio.create_task(sweep_stale_runs(session, interval_seconds=interval))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
