"""A write sent again with its `Idempotency-Key` is answered, not applied again."""

from __future__ import annotations

import uuid
from pathlib import Path

RUN = {"pipeline_name": "training", "spec_hash": "h1", "spec": {"steps": [{"name": "train"}]}}


def _step(run_id: str) -> dict[str, object]:
    return {
        "run_id": run_id,
        "name": "train",
        "status": "running",
        "cache_key": "k1",
        "cache_components": {},
        "parameters": {},
        "source_code": "def train(): ...",
        "inputs": {},
    }


def _output(home: Path) -> dict[str, object]:
    return {
        "output_name": "output",
        "artifact_name": "model",
        "uri": str(home / "artifacts" / "model"),
        "content_hash": "hash-1",
        "data_type": "builtins.int",
        "materializer": "headwater.artifacts.materializers.builtin.BuiltInMaterializer",
        "size_bytes": 1,
    }


def _key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def test_a_run_created_twice_with_one_key_is_one_run(api):
    key = _key()

    first = api.post("/runs", json=RUN, headers=key)
    again = api.post("/runs", json=RUN, headers=key)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert api.get("/runs").json()["total"] == 1


def test_a_step_started_twice_with_one_key_is_one_step_run(api):
    run_id = api.post("/runs", json=RUN).json()["id"]
    key = _key()

    first = api.post("/step-runs", json=_step(run_id), headers=key)
    again = api.post("/step-runs", json=_step(run_id), headers=key)

    assert again.json()["id"] == first.json()["id"]
    assert api.get(f"/runs/{run_id}/steps").json()["total"] == 1


def test_a_step_finished_again_with_its_key_answers_as_the_first_time(api, headwater_home):
    run_id = api.post("/runs", json=RUN).json()["id"]
    step_id = api.post("/step-runs", json=_step(run_id)).json()["id"]
    key = _key()
    end = {"status": "completed", "outputs": [_output(headwater_home)]}

    first = api.post(f"/step-runs/{step_id}/end", json=end, headers=key)
    again = api.post(f"/step-runs/{step_id}/end", json=end, headers=key)
    without_key = api.post(f"/step-runs/{step_id}/end", json=end)

    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert without_key.status_code == 409
    assert api.get("/artifact-versions", params={"artifact_name": "model"}).json()["total"] == 1


def test_a_run_status_set_again_with_its_key_records_one_change(api):
    run_id = api.post("/runs", json=RUN).json()["id"]
    key = _key()
    before = api.get("/events/latest", params={"run_id": run_id}).json()["id"]

    first = api.put(f"/runs/{run_id}/status", json={"status": "running"}, headers=key)
    again = api.put(f"/runs/{run_id}/status", json={"status": "running"}, headers=key)

    events = api.get("/events/history", params={"run_id": run_id, "after": before}).json()
    assert again.json() == first.json()
    assert [event["change"] for event in events] == ["status"]


def test_a_key_sent_again_with_another_request_is_refused(api):
    key = _key()
    api.post("/runs", json=RUN, headers=key)

    response = api.post("/runs", json={**RUN, "spec_hash": "h2"}, headers=key)

    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    assert "sent before with a different request" in response.json()["message"]
    assert api.get("/runs").json()["total"] == 1
