"""Pipelines recording through a real server: the SDK's store is the REST store."""

from __future__ import annotations

import subprocess
import sys
from typing import Annotated

import pytest

from headwater import Client, log_metadata, pipeline, step
from headwater.session import close_sessions, get_session
from headwater.store.rest import RestStore
from tests.pipelines.linear import linear


@pytest.fixture
def remote(server, monkeypatch):
    """This process records into `server` over HTTP, as after `headwater login`."""
    monkeypatch.setenv("HEADWATER_STORE_URL", server.url)
    monkeypatch.setenv("HEADWATER_HEARTBEAT_SECONDS", "3600")
    yield get_session()
    close_sessions()


@step
def one_output() -> int:
    log_metadata({"a": 1})
    return 1


@step
def many_outputs() -> tuple[
    Annotated[int, "a"],
    Annotated[int, "b"],
    Annotated[int, "c"],
    Annotated[int, "d"],
    Annotated[int, "e"],
    Annotated[int, "f"],
]:
    log_metadata({f"key_{n}": n for n in range(20)})
    return 1, 2, 3, 4, 5, 6


@pipeline(enable_cache=False)
def small() -> None:
    one_output()


@pipeline(enable_cache=False)
def large() -> None:
    many_outputs()


def test_a_pipeline_run_records_through_the_server(remote, api):
    run = linear(n=4)

    listed = api.get("/runs").json()["items"]
    score = Client().get_pipeline_run(run.id).steps["total"].output.load()

    assert isinstance(remote.store, RestStore)
    assert [r["id"] for r in listed] == [str(run.id)]
    assert score == 12
    assert api.get(f"/runs/{run.id}").json()["status"] == "completed"


def test_recording_a_step_costs_the_same_requests_whatever_it_records(remote):
    store = remote.store
    before = store.requests_sent
    small()
    for_small = store.requests_sent - before

    before = store.requests_sent
    large()
    for_large = store.requests_sent - before

    assert for_large == for_small


def test_a_step_in_another_process_records_through_the_server(remote, server, tmp_path):
    script = tmp_path / "child.py"
    script.write_text(
        "from tests.pipelines.linear import linear\n"
        "print(linear.with_options(enable_cache=False)(n=2).id)\n"
    )

    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )

    assert result.returncode == 0, result.stderr
    run = Client().get_pipeline_run(result.stdout.strip().splitlines()[-1])
    assert run.status == "completed"
    assert {s.status for s in run.steps.values()} == {"completed"}
