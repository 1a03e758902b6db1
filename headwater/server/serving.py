"""Running the server with uvicorn: in the foreground, or on a thread for tests and tools."""

from __future__ import annotations

import gc
import socket
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Self

import uvicorn
from fastapi import FastAPI

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8237


def server_config(
    app: FastAPI | str, host: str, port: int, *, access_log: bool, workers: int = 1
) -> uvicorn.Config:
    """How every Headwater server runs; `app` is an app, or the import path of a factory
    that each of `workers` processes calls."""
    return uvicorn.Config(
        app,
        factory=isinstance(app, str),
        workers=workers,
        host=host,
        port=port,
        log_level="info" if access_log else "warning",
        access_log=access_log,
        ws="none",
        # Chosen, not auto-selected: uvloop and httptools arrive with some integrations'
        # packages, and the server must behave the same whether or not they are installed.
        loop="asyncio",
        http="h11",
        lifespan="on",
        timeout_graceful_shutdown=5,
    )


class _AnnouncingServer(uvicorn.Server):
    """A uvicorn server that calls `on_started(url)` once its socket listens."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[str], None]) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        # What starting made (modules, the app, the schema) lives as long as the process:
        # frozen, later collections no longer walk it on every request that allocates.
        gc.freeze()
        if self.started:
            host, port = self.servers[0].sockets[0].getsockname()[:2]
            self._on_started(f"http://{host}:{port}")


def serve_forever(
    app: FastAPI,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    on_started: Callable[[str], None] = lambda url: None,
) -> None:
    """Serve `app` until interrupted (Ctrl-C or SIGTERM); `on_started(url)` once listening."""
    _AnnouncingServer(server_config(app, host, port, access_log=True), on_started).run()


class BackgroundServer:
    """A real uvicorn server on a thread, on an OS-chosen loopback port by default.

    Example:
        ```python
        with BackgroundServer(create_app(session)) as server:
            httpx.get(f"{server.url}/api/v1/health")
        ```
    """

    def __init__(self, app: FastAPI, host: str = DEFAULT_HOST, port: int = 0) -> None:
        self._server = uvicorn.Server(server_config(app, host, port, access_log=False))
        self._thread = threading.Thread(target=self._server.run, name="headwater-server")
        self.url = ""

    def start(self) -> Self:
        """Start serving and wait until the socket is listening."""
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("The Headwater test server stopped while starting.")
            self._thread.join(0.01)
        socket = self._server.servers[0].sockets[0]
        host, port = socket.getsockname()[:2]
        self.url = f"http://{host}:{port}"
        return self

    def stop(self) -> None:
        """Stop serving and wait for the thread to end."""
        self._server.should_exit = True
        self._thread.join()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
