"""Arrays as chart data: exact when small, downsampled with peaks and means kept when big."""

from __future__ import annotations

import json

import numpy as np

from headwater.artifacts.chart_data import (
    HEATMAP_MAX_CELLS,
    LINE_MAX_POINTS,
    heatmap_json,
    line_chart_json,
)


def test_a_short_array_is_charted_point_for_point() -> None:
    chart = json.loads(line_chart_json(np.array([3, 1, 2])))

    assert chart["kind"] == "line"
    assert chart["x"] == [0, 1, 2]
    assert chart["y"] == [3.0, 1.0, 2.0]
    assert chart["bucket"] == 1
    assert (chart["min"], chart["max"]) == (1.0, 3.0)


def test_a_long_array_keeps_at_most_the_point_budget_and_its_peak() -> None:
    values = np.zeros(1_000_000)
    values[123_457] = 9.0

    chart = json.loads(line_chart_json(values))

    assert len(chart["x"]) <= LINE_MAX_POINTS
    assert chart["shape"] == [1_000_000]
    assert chart["bucket"] > 1
    assert 123_457 in chart["x"]
    assert max(chart["y"]) == 9.0


def test_missing_values_are_null_and_left_out_of_the_range() -> None:
    chart = json.loads(line_chart_json(np.array([1.0, np.nan, np.inf, 4.0])))

    assert chart["y"] == [1.0, None, None, 4.0]
    assert (chart["min"], chart["max"]) == (1.0, 4.0)


def test_a_small_grid_is_sent_cell_for_cell() -> None:
    chart = json.loads(heatmap_json(np.arange(6).reshape(2, 3)))

    assert chart["kind"] == "heatmap"
    assert chart["values"] == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    assert chart["block"] == [1, 1]


def test_a_big_grid_becomes_block_means_of_at_most_the_cell_budget() -> None:
    values = np.ones((1000, 450))
    values[:5, :3] = 7.0

    chart = json.loads(heatmap_json(values))

    assert chart["shape"] == [1000, 450]
    assert chart["block"] == [5, 3]
    assert len(chart["values"]) <= HEATMAP_MAX_CELLS
    assert all(len(row) <= HEATMAP_MAX_CELLS for row in chart["values"])
    assert chart["values"][0][0] == 7.0
    assert chart["values"][1][1] == 1.0


def test_a_block_without_finite_values_is_null() -> None:
    values = np.full((400, 2), np.nan)
    values[2:, :] = 1.0

    chart = json.loads(heatmap_json(values))

    assert chart["values"][0] == [None, None]
    assert chart["values"][1] == [1.0, 1.0]
