"""Over REST, a refused caller raises the same exceptions whatever store is behind."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from headwater.errors import (
    EntityExistsError,
    EntityNotFoundError,
    HeadwaterError,
    NotAuthenticatedError,
    PermissionDeniedError,
    StoreError,
)
from headwater.store.rest import RestStore
from tests.server.auth_fixtures import AuthServer
from tests.store_contract.records import a_run


def test_a_rest_store_without_valid_credentials_raises_not_authenticated(auth_server: AuthServer):
    store = RestStore(auth_server.url, "not-a-token", retry_seconds=0)
    try:
        with pytest.raises(NotAuthenticatedError, match=r"credentials|token|log in"):
            store.last_event_id()
    finally:
        store.close()


def test_a_viewer_writing_over_rest_raises_permission_denied(auth_server: AuthServer):
    store = RestStore(auth_server.url, auth_server.token("viewer"), retry_seconds=0)
    try:
        with pytest.raises(PermissionDeniedError) as refused:
            store.create_run(a_run())
    finally:
        store.close()
    assert isinstance(refused.value, StoreError)  # callers catching StoreError still do


def test_a_missing_run_over_rest_is_the_sql_store_s_not_found(auth_server: AuthServer):
    store = RestStore(auth_server.url, auth_server.token("member"), retry_seconds=0)
    try:
        with pytest.raises(EntityNotFoundError, match="No run 'nothing'"):
            store.get_run("nothing")
    finally:
        store.close()


class _PlainRefusal(BaseHTTPRequestHandler):
    """Answers every request with the server's status and a body that is not ours, as a
    proxy in front of a Headwater server does."""

    def do_GET(self) -> None:
        server: _PlainServer = self.server  # type: ignore[assignment]
        body = b"<html>refused by the proxy</html>"
        self.send_response(server.status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads the exception."""


class _PlainServer(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _PlainRefusal)
        self.status = 200
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def plain_server() -> Iterator[_PlainServer]:
    server = _PlainServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (401, NotAuthenticatedError),
        (403, PermissionDeniedError),
        (404, EntityNotFoundError),
        (409, EntityExistsError),
        (418, StoreError),
    ],
)
def test_a_refusal_without_our_error_body_still_raises_the_sql_store_s_exception(
    plain_server: _PlainServer, status: int, expected: type[HeadwaterError]
):
    plain_server.status = status
    store = RestStore(plain_server.url, "a-token", retry_seconds=0)
    try:
        with pytest.raises(StoreError) as refused:
            store.get_run("training-1")
    finally:
        store.close()

    assert type(refused.value) is expected
    assert f"answered {status} to GET /api/v1/runs/training-1" in str(refused.value)
    assert "refused by the proxy" in str(refused.value)
