"""The live event stream: changes from another process arrive, and a reconnect resumes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import httpx


def _events(response: httpx.Response) -> Iterator[dict]:
    """Parse server-sent events: each has an id, an event name and JSON data."""
    fields: dict = {}
    for line in response.iter_lines():
        if not line:
            if "data" in fields:
                yield {
                    "id": int(fields["id"]),
                    "event": fields["event"],
                    **json.loads(fields["data"]),
                }
            fields = {}
        elif not line.startswith(":") and ":" in line:
            name, _, value = line.partition(":")
            fields[name] = value.removeprefix(" ")


def _read_until_run_ends(response: httpx.Response) -> list[dict]:
    received = []
    for event in _events(response):
        received.append(event)
        if event["entity"] == "run" and event["status"] in ("completed", "failed"):
            return received
    raise AssertionError(f"The stream ended before the run did: {received}")


def _run_pipeline_in_another_process() -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from tests.pipelines.linear import linear; linear()"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_pipeline_in_another_process_reaches_the_stream(server):
    with (
        httpx.Client(timeout=60) as client,
        client.stream("GET", f"{server.url}/api/v1/events") as response,
    ):
        assert response.headers["content-type"].startswith("text/event-stream")
        child = _run_pipeline_in_another_process()
        received = _read_until_run_ends(response)
    child.communicate(timeout=60)

    assert child.returncode == 0
    steps = [(e["name"], e["status"]) for e in received if e["event"] == "step_run"]
    assert steps == [
        ("load", "running"),
        ("load", "completed"),
        ("double", "running"),
        ("double", "completed"),
        ("total", "running"),
        ("total", "completed"),
    ]
    assert [e["id"] for e in received] == sorted({e["id"] for e in received})


def test_a_reconnect_with_last_event_id_resumes_without_gaps_or_repeats(server, api):
    child = _run_pipeline_in_another_process()
    child.communicate(timeout=60)
    everything = api.get("/events/history", params={"after": 0}).json()
    middle = everything[3]["id"]

    with (
        httpx.Client(timeout=60) as client,
        client.stream(
            "GET", f"{server.url}/api/v1/events", headers={"Last-Event-ID": str(middle)}
        ) as response,
    ):
        resumed = _read_until_run_ends(response)

    assert [e["id"] for e in resumed] == [e["id"] for e in everything if e["id"] > middle]


def test_a_malformed_last_event_id_is_a_400(api):
    response = api.get("/events", headers={"Last-Event-ID": "yesterday"})

    assert response.status_code == 400
    assert "not an event id" in response.json()["message"]
