"""The REST API over a real server: listing, reading, writing, and one error shape."""

from __future__ import annotations

import pytest

from headwater import log_metadata
from headwater.session import get_session
from headwater.store.models import ExecutionStatus
from tests.pipelines.fails_midway import MidwayError, fails_midway
from tests.pipelines.linear import linear
from tests.store_contract.records import a_run


def test_health_answers_ok(api):
    response = api.get("/health")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_info_names_the_artifact_store_runs_should_write_to(api, headwater_home):
    info = api.get("/info").json()

    assert info["artifact_store_url"] == str(headwater_home / "artifacts")
    assert info["auth_mode"] == "local"


def test_runs_are_listed_with_client_filters_sorting_and_pages(api):
    for n in (1, 2, 3):
        linear(n=n)
    with pytest.raises(MidwayError):
        fails_midway()

    page = api.get(
        "/runs", params={"pipeline_name": "linear", "sort_by": "asc:created", "size": 2}
    ).json()
    failed = api.get("/runs", params={"status": "oneof:[failed,stopped]"}).json()

    assert [r["name"] for r in page["items"]] == ["linear-1", "linear-2"]
    assert (page["total"], page["index"], page["size"], page["total_pages"]) == (3, 1, 2, 2)
    assert [r["pipeline_name"] for r in failed["items"]] == ["fails_midway"]


def test_runs_filter_on_metadata(api):
    run = linear(n=2)
    log_metadata({"accuracy": 0.95}, run_id_name_or_prefix=str(run.id))

    found = api.get("/runs", params={"metadata": "accuracy:gte:0.9"}).json()
    missed = api.get("/runs", params={"metadata": "accuracy:lt:0.9"}).json()

    assert [r["id"] for r in found["items"]] == [str(run.id)]
    assert missed["items"] == []


def test_a_run_is_read_by_id_or_name_with_its_steps(api):
    run = linear()

    by_name = api.get(f"/runs/{run.name}").json()
    steps = api.get(f"/runs/{run.id}/steps").json()

    assert by_name["id"] == str(run.id)
    assert [s["name"] for s in steps["items"]] == ["load", "double", "total"]


def test_a_deleted_run_is_gone(api):
    run = linear()

    deleted = api.delete(f"/runs/{run.id}")
    after = api.get(f"/runs/{run.id}")

    assert deleted.status_code == 204
    assert after.status_code == 404
    assert after.json()["code"] == "not_found"


def test_deleting_a_run_that_is_still_running_is_a_409(api):
    store = get_session().store
    run = store.create_run(a_run(name="busy"))
    store.update_run_status(run.id, ExecutionStatus.RUNNING)

    response = api.delete(f"/runs/{run.id}")

    assert response.status_code == 409
    assert response.json()["code"] == "entity_in_use"
    assert "headwater runs stop busy" in response.json()["message"]
    assert api.get(f"/runs/{run.id}").json()["status"] == "running"


def test_pipelines_and_artifact_versions_are_listed(api):
    linear()

    pipelines = api.get("/pipelines").json()
    artifacts = api.get("/artifact-versions", params={"data_type": "contains:list"}).json()

    assert [p["name"] for p in pipelines["items"]] == ["linear"]
    assert artifacts["total"] == 2


def test_a_bad_filter_is_a_400_with_the_error_body(api):
    response = api.get("/runs", params={"status": "exploded"})

    assert response.status_code == 400
    assert response.json() == {
        "code": "bad_filter",
        "message": response.json()["message"],
        "details": None,
    }
    assert "unknown status 'exploded'" in response.json()["message"]


def test_an_unknown_filter_is_refused_rather_than_ignored(api):
    response = api.get("/runs", params={"colour": "blue"})

    assert response.status_code == 400
    assert response.json()["code"] == "bad_filter"
    assert "Cannot filter runs by 'colour'" in response.json()["message"]


def test_a_malformed_body_is_a_422_with_every_problem_listed(api):
    response = api.post("/runs", json={"pipeline_name": 3})

    assert response.status_code == 422
    locations = [tuple(d["location"]) for d in response.json()["details"]]
    assert ("body", "spec_hash") in locations
    assert ("body", "spec") in locations


def test_a_taken_run_name_is_a_409(api):
    body = {"pipeline_name": "p", "spec_hash": "h", "spec": {}, "name": "fixed"}
    api.post("/runs", json=body)

    response = api.post("/runs", json=body)

    assert response.status_code == 409
    assert response.json()["code"] == "conflict"


def test_moving_a_completed_run_back_to_running_is_a_409(api):
    run = linear()

    response = api.put(f"/runs/{run.id}/status", json={"status": "running"})

    assert response.status_code == 409
    assert response.json()["code"] == "status_transition"
    assert "already ended as 'completed'" in response.json()["message"]
    assert api.get(f"/runs/{run.id}").json()["status"] == "completed"


def test_an_unknown_api_path_is_a_json_404(api):
    response = api.get("/no-such-thing")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_body_over_the_size_limit_is_a_413(api):
    response = api.post("/runs", content=b"x" * (17 * 1024 * 1024))

    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


def test_a_streamed_body_over_the_size_limit_is_a_413(api):
    def chunks():
        for _ in range(20):
            yield b"x" * (1024 * 1024)

    response = api.post("/runs", content=chunks())

    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


def test_the_openapi_schema_is_served_with_stable_operation_ids(api):
    schema = api.get("/openapi.json").json()

    operation_ids = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert {
        "list_runs",
        "get_run",
        "delete_run",
        "get_run_dag",
        "get_step_run_logs",
    } <= operation_ids
