"""Bad input answers a 4xx in the one error shape on SQLite and PostgreSQL, never a 5xx.

Out-of-range integers, NUL characters, overlong names and non-finite numbers reach the
server from any client; each must be refused as the caller's mistake, whatever database
the server keeps its records in.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from headwater.config import Settings
from headwater.server.app import create_app
from headwater.server.serving import BackgroundServer
from headwater.session import Session
from headwater.store.models import StepRun
from tests.store_contract.conftest import SQL_BACKENDS, StoreBackend
from tests.store_contract.records import a_run, a_step

BEYOND_INT64 = 2**70
LONG_NAME = "n" * 100_000


@dataclass(frozen=True)
class BadInputServer:
    """A server over one SQL database, with a recorded run and a step still running."""

    api: httpx.Client
    run_id: uuid.UUID
    running_step: StepRun


@pytest.fixture(params=SQL_BACKENDS)
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[BadInputServer]:
    """A real server on SQLite, then on PostgreSQL."""
    backend: StoreBackend = request.getfixturevalue(f"{request.param}_backend")
    store = backend.open()
    run = store.create_run(a_run())
    step = store.start_step(a_step(run))
    artifacts = str(tmp_path / "artifacts")
    settings = Settings(tmp_path, backend.url, artifacts)
    session = Session(settings, store, default_artifact_store_url=artifacts)
    with (
        BackgroundServer(create_app(session, static_folder=tmp_path)) as server,
        httpx.Client(base_url=f"{server.url}/api/v1", timeout=30) as api,
    ):
        yield BadInputServer(api=api, run_id=run.id, running_step=step)
    store.close()


def assert_refused(response: httpx.Response) -> None:
    """A 4xx with the one error body: a code and a message naming the problem."""
    assert 400 <= response.status_code < 500, response.text
    body = response.json()
    assert set(body) == {"code", "message", "details"}
    assert body["code"] not in ("internal_error", "store_unavailable")
    assert body["message"]


def post_json(api: httpx.Client, path: str, text: str) -> httpx.Response:
    """POST a body exactly as written, so it may hold what `json.dumps` would not."""
    return api.post(path, content=text, headers={"content-type": "application/json"})


@pytest.mark.parametrize(
    "path",
    [
        f"/model-versions?number={BEYOND_INT64}",
        f"/pipeline-versions?version={BEYOND_INT64}",
        f"/artifact-versions?version=gte:{BEYOND_INT64}",
        f"/events/history?after={BEYOND_INT64}",
        f"/events?after={BEYOND_INT64}",
        f"/step-runs/{uuid.UUID(int=0)}/logs?offset={BEYOND_INT64}",
        f"/runs?size={BEYOND_INT64}",
        "/runs/a%00b",
        "/models/a%00b",
        "/stacks/a%00b",
    ],
)
def test_an_out_of_range_or_nul_query_is_refused(served, path):
    response = served.api.get(path)

    assert_refused(response)


def test_an_integer_beyond_64_bits_in_a_body_is_refused(served):
    end = {
        "status": "completed",
        "resources": {"cpu_seconds": 1.0, "peak_memory_bytes": BEYOND_INT64},
    }

    response = served.api.post(f"/step-runs/{served.running_step.id}/end", json=end)

    assert_refused(response)


@pytest.mark.parametrize(
    "body",
    [
        {"name": "a\x00b"},
        {"name": LONG_NAME},
        {"name": "described", "description": "a\x00b"},
        {"name": "tagged", "tags": ["a\x00b"]},
    ],
    ids=["nul-name", "long-name", "nul-description", "nul-tag"],
)
def test_a_model_with_a_nul_or_overlong_name_is_refused(served, body):
    response = served.api.post("/models", json=body)

    assert_refused(response)


@pytest.mark.parametrize(
    "run",
    [
        {"pipeline_name": "a\x00b"},
        {"pipeline_name": LONG_NAME},
        {"name": LONG_NAME},
        {"config": {"nested": {"note": "a\x00b"}}},
    ],
    ids=["nul-pipeline", "long-pipeline", "long-run-name", "nul-in-config"],
)
def test_a_run_with_a_nul_or_overlong_value_is_refused(served, run):
    body = {"pipeline_name": "p", "spec_hash": "h", "spec": {}, **run}

    response = served.api.post("/runs", json=body)

    assert_refused(response)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999999"])
def test_a_non_finite_number_anywhere_in_a_body_is_refused(served, number):
    body = f'{{"pipeline_name": "p", "spec_hash": "h", "spec": {{"steps": [{{"g": {number}}}]}}}}'

    response = post_json(served.api, "/runs", body)

    assert_refused(response)
    assert "finite" in response.json()["message"]


@pytest.mark.parametrize(
    "entry",
    [
        '{"key": "a", "type": "float", "value": NaN}',
        '{"key": "a", "type": "float", "value": 1e999999}',
        f'{{"key": "a", "type": "int", "value": {BEYOND_INT64}}}',
        '{"key": "a", "type": "dict", "value": {"x": {"y": NaN}}}',
        '{"key": "a", "type": "dict", "value": {"x": ["a\\u0000b"]}}',
        '{"key": "a\\u0000b", "type": "int", "value": 1}',
        f'{{"key": "{LONG_NAME}", "type": "int", "value": 1}}',
    ],
    ids=[
        "nan",
        "overflowed-float",
        "int-beyond-64-bits",
        "nested-nan",
        "nested-nul",
        "nul-key",
        "long-key",
    ],
)
def test_metadata_values_the_store_cannot_keep_are_refused(served, entry):
    body = f'{{"target": "run", "target_id": "{served.run_id}", "entries": [{entry}]}}'

    response = post_json(served.api, "/metadata", body)

    assert_refused(response)


def test_resolving_a_model_version_for_an_unknown_run_is_not_found(served):
    body = {"request": {"model_name": "classifier"}, "run_id": str(uuid.uuid4())}

    response = served.api.post("/model-versions/resolve", json=body)

    assert response.status_code == 404, response.text
    assert "No run" in response.json()["message"]


def test_a_model_version_number_beyond_64_bits_is_refused(served):
    served.api.post("/models", json={"name": "classifier"}).raise_for_status()
    body = {"request": {"model_name": "classifier", "version": BEYOND_INT64}}

    response = served.api.post("/model-versions/resolve", json=body)

    assert_refused(response)
