"""A whylogs profile view as Headwater's own table and charts (no whylogs HTML, no CDN)."""

from __future__ import annotations

import math
from typing import Any

from headwater.artifacts.chart_spec import Chart, ChartAxis, ChartSeries
from headwater.artifacts.table_spec import CellValue, Table, TableColumn

# Bins per distribution chart, and how many numeric columns get one (the first ones).
HISTOGRAM_BINS = 30
MAX_DISTRIBUTION_CHARTS = 24
_TYPE_COUNTS = ("integral", "fractional", "boolean", "string", "object", "tensor")


def profile_table(view: Any, *, title: str = "Profile") -> Table:
    """One row per column: counts, nulls, inferred type, distinct estimate, quantiles."""
    rows: list[list[CellValue]] = []
    for name, column in sorted(view.get_columns().items()):
        summary = column.to_summary_dict()
        rows.append(
            [
                name,
                inferred_type(summary),
                int(summary.get("counts/n", 0)),
                int(summary.get("counts/null", 0)),
                _number(summary.get("cardinality/est")),
                *(_number(summary.get(f"distribution/{key}")) for key in _QUANTILE_KEYS),
                _number(summary.get("distribution/mean")) if _is_numeric(summary) else None,
            ]
        )
    return Table(
        title=title,
        columns=[
            TableColumn(name="column"),
            TableColumn(name="inferred type"),
            TableColumn(name="count", type="integer"),
            TableColumn(name="nulls", type="integer"),
            TableColumn(name="distinct (est.)", type="number"),
            *(TableColumn(name=label, type="number") for label in _QUANTILE_LABELS),
            TableColumn(name="mean", type="number"),
        ],
        rows=rows,
    )


_QUANTILE_KEYS = ("min", "q_05", "q_25", "median", "q_75", "q_95", "max")
_QUANTILE_LABELS = ("min", "p5", "p25", "median", "p75", "p95", "max")


def inferred_type(summary: dict[str, Any]) -> str:
    """The type most of a column's values had ('fractional', 'string', ...), or 'null'."""
    counts = {kind: int(summary.get(f"types/{kind}", 0)) for kind in _TYPE_COUNTS}
    kind, count = max(counts.items(), key=lambda item: item[1])
    return kind if count else "null"


def numeric_columns(view: Any) -> list[str]:
    """The columns with a distribution to draw, in name order."""
    return [
        name
        for name, column in sorted(view.get_columns().items())
        if _is_numeric(column.to_summary_dict())
    ]


def histogram_edges(views: list[Any], column: str) -> list[float]:
    """`HISTOGRAM_BINS + 1` edges spanning the column's values in every view."""
    lows, highs = [], []
    for view in views:
        summary = view.get_column(column).to_summary_dict()
        lows.append(float(summary["distribution/min"]))
        highs.append(float(summary["distribution/max"]))
    low, high = min(lows), max(highs)
    if high <= low:
        high = low + 1.0
    step = (high - low) / HISTOGRAM_BINS
    return [low + step * index for index in range(HISTOGRAM_BINS + 1)]


def histogram_shares(view: Any, column: str, edges: list[float]) -> list[float | None]:
    """The share of the column's values in each bin, from its KLL sketch."""
    sketch = view.get_column(column).get_metric("distribution").kll.value
    if sketch.is_empty():
        return [None] * (len(edges) - 1)
    # get_pmf takes the inner edges and answers one mass per bin.
    return [round(float(mass), 6) for mass in sketch.get_pmf(edges[1:-1])]


def distribution_chart(named_views: dict[str, Any], column: str) -> Chart:
    """A bar chart of `column`'s distribution, one series per view (share of values)."""
    views = list(named_views.values())
    edges = histogram_edges(views, column)
    return Chart(
        kind="bar",
        title=f"Distribution of {column}",
        x_axis=ChartAxis(
            label=column, categories=[_bin_label(edges, i) for i in range(len(edges) - 1)]
        ),
        y_axis=ChartAxis(label="share of values", min=0.0),
        series=[
            ChartSeries(name=name, y=histogram_shares(view, column, edges))
            for name, view in named_views.items()
        ],
    )


def _bin_label(edges: list[float], index: int) -> str:
    return f"{edges[index]:.3g} to {edges[index + 1]:.3g}"


def _is_numeric(summary: dict[str, Any]) -> bool:
    return (
        int(summary.get("distribution/n", 0)) > 0
        and _number(summary.get("distribution/min")) is not None
    )


def _number(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) or math.isinf(number) else round(number, 6)
