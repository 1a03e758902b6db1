"""`GET /api/v1/metadata/keys` and `/metadata/series` on a real server."""

from __future__ import annotations

import httpx

from headwater.session import get_session
from headwater.store.metadata import encode_metadata
from headwater.store.models import MetadataTarget
from tests.server.auth_fixtures import AuthServer
from tests.store_contract.records import a_run


def _record(metadata, project_name="default", pipeline_name="training"):
    store = get_session().store
    created = a_run(pipeline_name).model_copy(update={"project_name": project_name})
    run = store.create_run(created)
    store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata(metadata))
    return run


def test_the_key_catalog_answers_types_counts_and_times(api):
    _record({"accuracy": 0.9, "optimizer": "adam"})
    _record({"accuracy": 0.8})

    answer = api.get("/metadata/keys", params={"resource": "run"})

    assert answer.status_code == 200, answer.text
    assert [(k["key"], k["types"], k["count"]) for k in answer.json()] == [
        ("accuracy", ["float"], 2),
        ("optimizer", ["str"], 1),
    ]


def test_a_series_answers_points_that_name_their_runs(api):
    first, second = _record({"accuracy": 0.5}), _record({"accuracy": 0.7})

    body = api.get("/metadata/series", params={"key": "accuracy", "max_points": 5}).json()

    assert body["total"] == 2
    assert [(p["value"], p["run_id"]) for p in body["points"]] == [
        (0.5, str(first.id)),
        (0.7, str(second.id)),
    ]


def test_bad_explorer_parameters_answer_4xx(api):
    no_key = api.get("/metadata/series")
    bad_resource = api.get("/metadata/keys", params={"resource": "job"})
    too_many = api.get("/metadata/series", params={"key": "a", "max_points": 10_001})
    unknown_project = api.get("/metadata/keys", params={"project": "nowhere"})

    assert [no_key.status_code, bad_resource.status_code, too_many.status_code] == [422] * 3
    assert unknown_project.status_code == 404


def test_keys_and_values_of_projects_the_caller_cannot_read_stay_hidden(
    auth_server: AuthServer,
):
    _record({"accuracy": 0.9})
    _record({"secret_score": 1.0}, project_name="hidden", pipeline_name="secret")
    headers = {"Authorization": f"Bearer {auth_server.token('viewer')}"}

    with httpx.Client(base_url=f"{auth_server.url}/api/v1", headers=headers) as client:
        keys = client.get("/metadata/keys").json()
        series = client.get("/metadata/series", params={"key": "secret_score"}).json()
        admin = {"Authorization": f"Bearer {auth_server.token('admin')}"}
        everything = client.get("/metadata/keys", headers=admin).json()

    assert [k["key"] for k in keys] == ["accuracy"]
    assert (series["total"], series["points"]) == (0, [])
    assert [k["key"] for k in everything] == ["accuracy", "secret_score"]


def test_the_runs_list_takes_a_where_expression(api):
    _record({"accuracy": 0.95, "optimizer": "adam"})
    _record({"accuracy": 0.5, "optimizer": "sgd"})

    answer = api.get("/runs", params={"where": 'accuracy >= 0.9 or optimizer == "lion"'})

    assert answer.status_code == 200, answer.text
    assert [run["name"] for run in answer.json()["items"]] == ["training-1"]


def test_a_bad_where_answers_400_pointing_at_the_token(api):
    answer = api.get("/runs", params={"where": "accuracy >= 0.9 and and"})

    assert answer.status_code == 400
    assert answer.json()["code"] == "bad_filter"
    assert "at column 21 ('and'): expected a metadata key" in answer.json()["message"]
