"""Serving with several worker processes that share one listening socket.

One Python process serves requests one at a time per core at best; a team server on
PostgreSQL under many dashboards answers faster with more processes. Each worker builds
its own app (its own store connections, DAG cache and event poller): everything a
request needs lives in the database, so any worker answers any request, and every
worker's event stream reads the same events outbox. What stays per worker is memory
only: the DAG cache, and the login throttle's counts (each worker limits on its own).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from headwater.server.serving import server_config

# Set for the workers by the process that starts them: "1" for server mode.
WORKER_AUTH_VARIABLE = "HEADWATER_SERVER_WORKER_AUTH"
# Import path of the app factory each worker calls.
APP_FACTORY = "headwater.server.workers:worker_app"


def worker_app() -> FastAPI:
    """The app one worker serves, over the store of its environment."""
    from headwater.config import load_settings
    from headwater.server.app import create_app
    from headwater.server.tokens import load_or_create_secret
    from headwater.session import get_session

    auth = os.environ.get(WORKER_AUTH_VARIABLE) == "1"
    secret = load_or_create_secret(load_settings().home) if auth else None
    return create_app(get_session(), token_secret=secret)


def serve_workers(
    host: str,
    port: int,
    workers: int,
    *,
    auth: bool,
    on_started: Callable[[str], None] = lambda url: None,
) -> None:
    """Serve with `workers` processes until interrupted; `on_started(url)` once bound."""
    os.environ[WORKER_AUTH_VARIABLE] = "1" if auth else "0"
    config = server_config(APP_FACTORY, host, port, access_log=True, workers=workers)
    socket = config.bind_socket()
    # Listening before the workers start: a client that finds the server recorded as
    # running is queued until a worker accepts, instead of refused while workers import.
    socket.listen(config.backlog)
    bound_host, bound_port = socket.getsockname()[:2]
    on_started(f"http://{bound_host}:{bound_port}")
    Multiprocess(config, sockets=[socket]).run()
