"""The REST store waits out a server that is away, and gives up clearly after its window."""

from __future__ import annotations

import logging
import socket
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from headwater.config import load_settings
from headwater.errors import ConfigurationError, EntityNotFoundError, StoreError
from headwater.server.app import create_app
from headwater.server.serving import BackgroundServer
from headwater.session import get_session
from headwater.store.rest import RestStore
from headwater.store.rest.retries import RetryPolicy
from headwater.store.rest.transport import Transport


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class _Scripted(BaseHTTPRequestHandler):
    """Answers each request with the next of the server's `script`, then 200 `{}`."""

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self._answer()

    def _answer(self) -> None:
        server: _ScriptedServer = self.server  # type: ignore[assignment]
        server.seen.append(self.headers.get("Idempotency-Key"))
        step = server.script.pop(0) if server.script else 200
        if step == "drop":  # the connection breaks before any answer
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(int(step))
        if step == 503:
            self.send_header("Retry-After", "0")
        body = b'{"artifact_store_url": "/somewhere"}'
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads what it saw from `seen`."""


class _ScriptedServer(ThreadingHTTPServer):
    def __init__(self, script: list[int | str]) -> None:
        super().__init__(("127.0.0.1", 0), _Scripted)
        self.script = script
        self.seen: list[str | None] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def scripted() -> Iterator[_ScriptedServer]:
    server = _ScriptedServer([])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_call_waits_for_a_server_that_starts_late(static_folder):
    port = _free_port()
    app = create_app(get_session(), static_folder=static_folder)
    server = BackgroundServer(app, port=port)
    starter = threading.Timer(1.0, server.start)
    store = RestStore(f"http://127.0.0.1:{port}", retry_seconds=30)

    starter.start()
    try:
        found = store.artifact_store_url()
    finally:
        starter.join()
        server.stop()
        store.close()

    assert found == str(load_settings().artifact_store_url)


def test_a_call_gives_up_after_the_retry_window_naming_the_server(caplog):
    url = f"http://127.0.0.1:{_free_port()}"
    store = RestStore(url, retry_seconds=1)

    with (
        caplog.at_level(logging.WARNING),
        pytest.raises(StoreError, match=rf"Cannot reach the Headwater server at '{url}'") as info,
    ):
        store.get_run(uuid.uuid4())
    store.close()

    assert "tried for 1.0 s, the retry window of 1 s" in str(info.value)
    assert "HEADWATER_REST_RETRY_SECONDS" in str(info.value)
    assert any(
        f"The Headwater server at {url} has not answered" in r.message for r in caplog.records
    )
    assert store.requests_sent > 1


def test_an_answered_error_is_never_retried(server):
    store = RestStore(server.url, retry_seconds=30)

    with pytest.raises(EntityNotFoundError):
        store.get_run(uuid.uuid4())
    store.close()

    assert store.requests_sent == 1


def test_a_busy_server_is_asked_again_after_its_retry_after(scripted):
    scripted.script = [503, 429, 200]
    store = RestStore(scripted.url, retry_seconds=30)

    found = store.artifact_store_url()
    store.close()

    assert found == "/somewhere"
    assert len(scripted.seen) == 3


def test_a_write_whose_answer_was_lost_is_resent_only_with_its_key(scripted):
    scripted.script = ["drop", "drop"]
    transport = Transport(scripted.url, retry=RetryPolicy(total_seconds=30))

    with pytest.raises(StoreError, match="RemoteProtocolError"):
        transport.call("POST", "/stacks", body={})
    answer = transport.call("POST", "/stacks", body={}, idempotency_key="k1")
    transport.close()

    assert answer == {"artifact_store_url": "/somewhere"}
    assert scripted.seen == [None, "k1", "k1"]


def test_a_retry_window_that_is_not_a_number_is_a_configuration_error(monkeypatch):
    monkeypatch.setenv("HEADWATER_REST_RETRY_SECONDS", "soon")

    with pytest.raises(ConfigurationError, match="HEADWATER_REST_RETRY_SECONDS is 'soon'"):
        load_settings()
