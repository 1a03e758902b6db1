"""The server's event loop and HTTP parser are chosen, not whatever happens to be installed.

Some integrations' packages bring uvloop and httptools, which uvicorn would otherwise pick.
"""

from __future__ import annotations

import asyncio
import importlib.util

import httpx
from fastapi import FastAPI

from headwater.server.serving import BackgroundServer, server_config


def _loop_reporting_app() -> FastAPI:
    app = FastAPI()

    @app.get("/loop")
    async def loop() -> str:
        return type(asyncio.get_running_loop()).__module__

    return app


def test_the_server_runs_on_asyncios_loop_even_with_uvloop_installed() -> None:
    assert importlib.util.find_spec("uvloop") is not None, "install the evidently extra"
    with BackgroundServer(_loop_reporting_app()) as server:
        answer = httpx.get(f"{server.url}/loop")
    assert answer.status_code == 200
    assert answer.json().startswith("asyncio")


def test_the_server_parses_http_with_h11_even_with_httptools_installed() -> None:
    assert importlib.util.find_spec("httptools") is not None, "install the evidently extra"
    config = server_config(_loop_reporting_app(), "127.0.0.1", 0, access_log=False)
    config.load()
    assert config.http_protocol_class.__name__ == "H11Protocol"
