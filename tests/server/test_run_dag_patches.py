"""`GET /runs/{id}/dag/steps`: the part of a run's DAG a page patches its drawing with."""

from __future__ import annotations

import uuid

from tests.pipelines.linear import linear


def test_a_patch_is_the_whole_dags_answer_for_the_asked_steps(api):
    run = linear()
    whole = api.get(f"/runs/{run.id}/dag").json()
    last = whole["steps"][-1]

    patch = api.get(f"/runs/{run.id}/dag/steps", params={"step_run_id": [last["id"]]})

    assert patch.status_code == 200
    body = patch.json()
    assert body["steps"] == [last]
    assert body["run"]["id"] == str(run.id)
    assert {e["step_run_id"] for e in body["edges"]} == {last["id"]}
    assert all(edge in whole["edges"] for edge in body["edges"])
    assert all(artifact in whole["artifacts"] for artifact in body["artifacts"])


def test_a_patch_of_more_than_500_steps_is_a_4xx_with_the_error_body(api):
    run = linear()
    ids = [str(uuid.uuid4()) for _ in range(501)]

    response = api.get(f"/runs/{run.id}/dag/steps", params={"step_run_id": ids})

    assert 400 <= response.status_code < 500
    assert "500" in response.json()["message"]


def test_a_patch_of_an_unknown_run_is_a_404(api):
    response = api.get(
        f"/runs/{uuid.uuid4()}/dag/steps", params={"step_run_id": [str(uuid.uuid4())]}
    )

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_malformed_step_run_id_is_a_422(api):
    run = linear()

    response = api.get(f"/runs/{run.id}/dag/steps", params={"step_run_id": ["not-an-id"]})

    assert response.status_code == 422
    assert "step_run_id" in response.json()["message"]
