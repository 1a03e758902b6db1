"""A `Chart` is checked when built: every shape problem is named at once."""

from __future__ import annotations

import pytest

from headwater import Chart, ChartAxis, ChartSeries
from headwater.errors import VisualizationError


def test_a_bar_chart_without_categories_is_refused() -> None:
    with pytest.raises(VisualizationError, match="needs 'categories' on its x axis"):
        Chart(kind="bar", series=[ChartSeries(name="s", y=[1.0])])


def test_a_line_series_needs_one_x_per_y() -> None:
    with pytest.raises(VisualizationError, match="series 'loss' needs one x per y, and has 2 x"):
        Chart(kind="line", series=[ChartSeries(name="loss", x=[1, 2], y=[0.5, 0.4, 0.3])])


def test_a_heatmap_lists_every_mismatch_of_its_cells() -> None:
    with pytest.raises(VisualizationError, match=r"1 rows of cells but 2 y.*rows of \[3\] cells"):
        Chart(
            kind="heatmap",
            x_axis=ChartAxis(categories=["a", "b"]),
            y_axis=ChartAxis(categories=["x", "y"]),
            cells=[[1, 2, 3]],
        )


def test_infinite_values_are_refused() -> None:
    with pytest.raises(ValueError, match="finite"):
        ChartSeries(name="s", x=[1.0], y=[float("inf")])


def test_a_valid_heatmap_keeps_its_labels() -> None:
    chart = Chart(
        kind="heatmap",
        x_axis=ChartAxis(categories=["a"]),
        y_axis=ChartAxis(categories=["x"]),
        cells=[[0.5]],
        cell_labels=[["5 (50%)"]],
    )

    assert chart.model_dump()["format"] == "headwater.chart"
    assert chart.cell_labels == [["5 (50%)"]]


def test_a_materializer_writing_a_malformed_chart_dict_gets_every_problem(tmp_path) -> None:
    from headwater.artifacts import Materializer
    from headwater.artifacts.filesystem import LocalFileSystem

    materializer = Materializer(str(tmp_path), LocalFileSystem())

    with pytest.raises(VisualizationError, match=r"The chart 'loss' is malformed: kind: .*title"):
        materializer.write_chart("loss", {"kind": "pie", "title": 3})
