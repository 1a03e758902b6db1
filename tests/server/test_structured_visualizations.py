"""A user materializer's chart and table are stored and served as validated JSON."""

from __future__ import annotations

from headwater.store.models import VisualizationType
from tests.pipelines.user_charts import rainfall


def test_a_user_chart_and_table_are_served_by_the_api(api):
    rainfall()
    versions = api.get("/artifact-versions", params={"size": 100}).json()["items"]
    version = next(v for v in versions if v["data_type"].endswith("Rainfall"))

    chart = api.get(f"/artifact-versions/{version['id']}/visualizations/0")
    table = api.get(f"/artifact-versions/{version['id']}/visualizations/1")

    assert [v["type"] for v in version["visualizations"]] == ["chart", "table"]
    assert chart.json()["kind"] == "bar"
    assert chart.json()["x_axis"]["categories"] == ["Jan", "Feb", "Mar", "Apr"]
    assert table.json()["statuses"][2] == [None, "fail"]
    assert VisualizationType("table") is VisualizationType.TABLE
