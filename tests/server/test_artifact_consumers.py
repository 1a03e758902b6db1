"""The lineage of an artifact version: every step run, in any run, that read it."""

from __future__ import annotations

import uuid

from tests.pipelines.linear import linear


def _output_of(api, run_id, step_name):
    steps = api.get(f"/runs/{run_id}/steps").json()["items"]
    step = next(s for s in steps if s["name"] == step_name)
    return step["outputs"]["output"]


def test_consumers_are_the_steps_of_every_run_that_read_the_artifact(api):
    first = linear()
    second = linear()
    loaded = _output_of(api, first.id, "load")

    page = api.get(f"/artifact-versions/{loaded}/consumers").json()

    assert page["total"] == 2
    assert {c["run_name"] for c in page["items"]} == {first.name, second.name}
    assert {c["step_name"] for c in page["items"]} == {"double"}
    assert all(c["input_names"] == ["numbers"] for c in page["items"])
    assert all(c["pipeline_name"] == "linear" for c in page["items"])


def test_consumers_come_in_pages_newest_first(api):
    runs = [linear() for _ in range(3)]
    loaded = _output_of(api, runs[0].id, "load")

    first = api.get(f"/artifact-versions/{loaded}/consumers", params={"size": 2}).json()
    rest = api.get(f"/artifact-versions/{loaded}/consumers", params={"size": 2, "page": 2}).json()

    assert first["total_pages"] == 2
    assert [c["run_name"] for c in first["items"] + rest["items"]] == [
        r.name for r in reversed(runs)
    ]


def test_an_artifact_nobody_read_has_no_consumers(api):
    run = linear()
    result = _output_of(api, run.id, "total")

    page = api.get(f"/artifact-versions/{result}/consumers").json()

    assert page["items"] == []
    assert page["total"] == 0


def test_consumers_of_an_unknown_artifact_version_are_a_404(api):
    response = api.get(f"/artifact-versions/{uuid.uuid4()}/consumers")

    assert response.status_code == 404
    assert set(response.json()) == {"code", "message", "details"}


def test_consumers_with_a_bad_filter_are_a_400(api):
    run = linear()
    loaded = _output_of(api, run.id, "load")

    response = api.get(f"/artifact-versions/{loaded}/consumers", params={"status": "exploded"})

    assert response.status_code == 400
    assert "exploded" in response.json()["message"]
