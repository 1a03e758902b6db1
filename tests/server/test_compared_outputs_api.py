"""What the comparison's Visualizations view reads, on a real server: every step of the
compared runs in one request, then their chosen outputs' versions in one more."""

from __future__ import annotations

import json
import uuid

from headwater import pipeline, step
from tests.pipelines.user_charts import Rainfall


@step(enable_cache=False)
def measure_at(station: str = "Kew", wet_month: float = 120.4) -> Rainfall:
    return Rainfall(station, ["Jan", "Feb", "Mar"], [55.2, 40.1, wet_month])


@pipeline(enable_cache=False)
def station_rainfall(station: str = "Kew", wet_month: float = 120.4) -> None:
    measure_at(station=station, wet_month=wet_month)


def _steps_of(api, run_ids: list[str]) -> list[dict]:
    answer = api.get(
        "/step-runs",
        params={"run_id": f"oneof:{json.dumps(run_ids)}", "sort_by": "asc:created", "size": 100},
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


def test_the_compared_runs_steps_and_outputs_come_in_two_requests(api):
    kew = station_rainfall(station="Kew")
    oxford = station_rainfall(station="Oxford", wet_month=80.0)
    station_rainfall(station="Elsewhere")  # not compared: its steps must not come back

    steps = _steps_of(api, [str(kew.id), str(oxford.id)])
    ids = [step["outputs"]["output"] for step in steps]
    answer = api.post("/artifact-versions/lookup", json={"ids": [*ids, str(uuid.uuid4())]})

    assert [(s["name"], s["run_id"]) for s in steps] == [
        ("measure_at", str(kew.id)),
        ("measure_at", str(oxford.id)),
    ]
    assert answer.status_code == 200, answer.text
    versions = answer.json()["items"]
    assert sorted(versions) == sorted(ids)  # the unknown id is left out, not an error
    first, second = (versions[i] for i in ids)
    assert first["artifact_id"] == second["artifact_id"]
    assert [v["version"] for v in (first, second)] == [1, 2]
    views = [(v["name"], v["type"]) for v in second["visualizations"]]
    assert views == [("rainfall chart", "chart"), ("rainfall", "table")]


def test_a_version_visualization_is_the_chart_document_the_dashboard_draws(api):
    run = station_rainfall(station="Oxford", wet_month=80.0)
    (step,) = _steps_of(api, [str(run.id)])

    chart = api.get(f"/artifact-versions/{step['outputs']['output']}/visualizations/0")

    assert chart.status_code == 200, chart.text
    document = chart.json()
    assert document["format"] == "headwater.chart"
    assert document["series"][0]["y"] == [55.2, 40.1, 80.0]
    assert document["x_axis"]["categories"] == ["Jan", "Feb", "Mar"]


def test_a_malformed_run_filter_answers_4xx_not_500(api):
    answer = api.get("/step-runs", params={"run_id": "oneof:[not json"})

    assert 400 <= answer.status_code < 500
    assert "message" in answer.json()
