"""Charts and tables render to static SVG and HTML that load nothing from anywhere."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from headwater import Chart, ChartAxis, ChartSeries, Table, TableColumn
from headwater.artifacts.static_views import chart_svg, table_html


def test_a_heatmap_svg_has_one_cell_per_value_with_its_label() -> None:
    chart = Chart(
        kind="heatmap",
        title="Confusion <matrix>",
        x_axis=ChartAxis(label="predicted", categories=["a", "b"]),
        y_axis=ChartAxis(label="true", categories=["a", "b"]),
        cells=[[5, 1], [0, 4]],
        cell_labels=[["5", "1"], ["0", "4"]],
    )

    svg = chart_svg(chart)

    root = ElementTree.fromstring(svg)
    assert len(root.findall("{http://www.w3.org/2000/svg}rect")) == 1 + 4
    assert "Confusion &lt;matrix&gt;" in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_a_line_chart_svg_draws_each_series_as_a_polyline() -> None:
    chart = Chart(
        kind="line",
        series=[
            ChartSeries(name="train", x=[0, 1, 2], y=[3, 2, 1]),
            ChartSeries(name="test", x=[0, 1, 2], y=[3, None, 2]),
        ],
    )

    svg = chart_svg(chart)

    assert svg.count("<polyline") == 2
    assert "train" in svg
    assert "test" in svg


def test_a_table_marks_failing_cells() -> None:
    table = Table(
        columns=[TableColumn(name="check"), TableColumn(name="ok", type="boolean")],
        rows=[["nulls", True], ["range", False]],
        statuses=[[None, "pass"], [None, "fail"]],
    )

    rendered = table_html(table)

    assert "False (fail)" in rendered
    assert "<th>check</th>" in rendered
