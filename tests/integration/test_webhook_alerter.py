"""The `webhook` alerter: a stack's alerter posts a JSON message when a run ends, to a
real HTTP server on loopback; a webhook that fails never fails the run."""

from __future__ import annotations

import json
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from headwater import Client
from headwater.errors import StackValidationError
from tests.pipelines.fails_midway import MidwayError, fails_midway
from tests.pipelines.linear import linear


class _Receiver(ThreadingHTTPServer):
    """Keeps every POST it got; answers with `status`."""

    def __init__(self, status: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.status = status
        self.received: list[tuple[dict[str, str], dict]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


class _Handler(BaseHTTPRequestHandler):
    server: _Receiver

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.received.append((dict(self.headers), body))
        self.send_response(self.server.status)
        self.end_headers()

    def log_message(self, format, *args):  # quiet: pytest treats stray output as noise
        pass


def _receiver(status: int):
    server = _Receiver(status)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture
def receiver():
    server = _receiver(200)
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def failing_receiver():
    server = _receiver(503)
    yield server
    server.shutdown()
    server.server_close()


def _alerting_stack(configuration: dict) -> None:
    client = Client()
    client.create_stack_component(
        "hook", flavor="webhook", component_type="alerter", configuration=configuration
    )
    client.create_stack(
        "alerting",
        components={"orchestrator": "default", "artifact_store": "default", "alerter": "hook"},
    )
    client.activate_stack("alerting")


def _closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/nothing-here"


def test_a_failed_run_posts_a_message_with_the_secret_header(receiver):
    _alerting_stack({"url": receiver.url, "secret": "s3cr3t", "secret_header_name": "X-Token"})

    with pytest.raises(MidwayError):
        fails_midway()

    (headers, body), *others = receiver.received
    assert not others
    assert headers["X-Token"] == "s3cr3t"
    assert body["event"] == "run.failed"
    assert body["run"]["status"] == "failed"
    assert body["run"]["pipeline_name"] == "fails_midway"
    assert "MidwayError" in body["run"]["exception"]


def test_a_completed_run_posts_only_when_completed_runs_are_asked_for(receiver):
    _alerting_stack({"url": receiver.url})

    linear()
    quiet = list(receiver.received)
    Client().update_stack_component(
        "hook", component_type="alerter", configuration={"events": ["failed", "completed"]}
    )
    run = linear()

    assert quiet == []
    assert [body["event"] for _, body in receiver.received] == ["run.completed"]
    assert receiver.received[0][1]["run"]["name"] == run.name


def test_a_receiver_that_keeps_failing_is_retried_then_logged_and_the_run_completes(
    failing_receiver, caplog
):
    _alerting_stack(
        {
            "url": failing_receiver.url,
            "events": ["completed"],
            "delivery": {"retries": 2, "backoff_seconds": 0},
        }
    )

    with caplog.at_level(logging.WARNING, logger="headwater"):
        run = linear()

    assert run.status == "completed"
    assert len(failing_receiver.received) == 3
    assert "after 3 attempt(s): it answered HTTP 503" in caplog.text


def test_an_unreachable_webhook_never_fails_the_run(caplog):
    url = _closed_port_url()
    _alerting_stack({"url": url, "delivery": {"retries": 0}, "timeout_seconds": 1})

    with caplog.at_level(logging.WARNING, logger="headwater"), pytest.raises(MidwayError):
        fails_midway()

    assert Client().list_pipeline_runs()[0].status == "failed"
    assert f"The webhook '{url}' did not take the message" in caplog.text


def test_bounds_of_the_webhook_settings_are_refused_with_every_problem():
    with pytest.raises(StackValidationError) as caught:
        Client().create_stack_component(
            "hook",
            flavor="webhook",
            component_type="alerter",
            configuration={"url": "ftp://x", "timeout_seconds": 100, "events": ["started"]},
        )

    message = str(caught.value)
    assert "'url' must match pattern" in message
    assert "'timeout_seconds' must be <= 60" in message
    assert "'events.0' must be equal to one of the allowed values" in message
