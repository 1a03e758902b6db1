"""`Chart`: a declarative chart a materializer emits as data (never code) for any viewer.

A chart is a heatmap, line, bar or scatter chart with labelled axes and named series.
The dashboard draws it with ECharts; notebooks get an SVG of the same data
(`headwater.artifacts.static_views`). Everything is checked when the chart is built, so a
malformed chart fails in the materializer that made it, not in a browser later.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from headwater.errors import VisualizationError

ChartKind = Literal["heatmap", "line", "bar", "scatter"]
# Bounds what one chart may carry, so its stored JSON stays small (about 2 MB at most).
MAX_CHART_VALUES = 200_000
CHART_FORMAT: Literal["headwater.chart"] = "headwater.chart"


class _ChartPart(BaseModel):
    # Infinite and NaN values have no JSON form: a missing value is None.
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class ChartAxis(_ChartPart):
    """One axis: its label, and either categories (bars, heatmap cells) or a value range.

    Args:
        label: What the axis measures, shown beside it.
        categories: Names of the bars, or of a heatmap's columns (x) and rows (y).
        min: The lowest value shown; by default the data's.
        max: The highest value shown; by default the data's.
    """

    label: str = ""
    categories: list[str] | None = None
    min: float | None = None
    max: float | None = None


class ChartSeries(_ChartPart):
    """One named series: `y` values, at `x` positions for line and scatter charts.

    Bar charts leave `x` out: bar `i` is `y[i]`, named by the x axis's `categories[i]`.
    """

    name: str
    x: list[float] | None = None
    y: list[float | None]


class Chart(_ChartPart):
    """A chart as data: what it shows, never how to draw it.

    Args:
        kind: 'heatmap', 'line', 'bar' or 'scatter'.
        title: A caption above the chart.
        x_axis: The horizontal axis.
        y_axis: The vertical axis.
        series: The lines, bars or points (not for heatmaps).
        cells: A heatmap's values, `cells[row][column]`, rows named by `y_axis.categories`
            and columns by `x_axis.categories`.
        cell_labels: Text shown in each heatmap cell (say '12 (40%)'); by default the value.

    Example:
        ```python
        Chart(
            kind="line",
            title="Loss",
            x_axis=ChartAxis(label="epoch"),
            y_axis=ChartAxis(label="loss"),
            series=[ChartSeries(name="train", x=[1, 2, 3], y=[0.9, 0.5, 0.3])],
        )
        ```
    """

    format: Literal["headwater.chart"] = CHART_FORMAT
    kind: ChartKind
    title: str = ""
    x_axis: ChartAxis = Field(default_factory=ChartAxis)
    y_axis: ChartAxis = Field(default_factory=ChartAxis)
    series: list[ChartSeries] = Field(default_factory=list)
    cells: list[list[float | None]] | None = None
    cell_labels: list[list[str]] | None = None

    # VisualizationError is not a ValueError: pydantic lets it through unwrapped.
    @model_validator(mode="after")
    def _check_shape(self) -> Self:
        problems = _heatmap_problems(self) if self.kind == "heatmap" else _series_problems(self)
        if _value_count(self) > MAX_CHART_VALUES:
            problems.append(
                f"it carries {_value_count(self):,} values, more than {MAX_CHART_VALUES:,}; "
                f"sample or bin the data first"
            )
        if problems:
            raise VisualizationError(
                f"A '{self.kind}' chart "
                + "; ".join(problems)
                + ". Fix the chart's fields (see headwater.Chart)."
            )
        return self


def _heatmap_problems(chart: Chart) -> list[str]:
    problems = []
    columns, rows = chart.x_axis.categories, chart.y_axis.categories
    if chart.series:
        problems.append("takes 'cells', not 'series'")
    if chart.cells is None or columns is None or rows is None:
        return [*problems, "needs 'cells' and categories on both axes (columns on x, rows on y)"]
    if len(chart.cells) != len(rows):
        problems.append(f"has {len(chart.cells)} rows of cells but {len(rows)} y categories")
    widths = {len(row) for row in chart.cells}
    if widths - {len(columns)}:
        problems.append(f"has rows of {sorted(widths)} cells but {len(columns)} x categories")
    if chart.cell_labels is not None and [len(r) for r in chart.cell_labels] != [
        len(r) for r in chart.cells
    ]:
        problems.append("has 'cell_labels' of another shape than 'cells'")
    return problems


def _series_problems(chart: Chart) -> list[str]:
    problems = []
    if chart.cells is not None or chart.cell_labels is not None:
        problems.append("takes 'series', not 'cells' (only heatmaps have cells)")
    if not chart.series:
        problems.append("needs at least one series")
    categories = chart.x_axis.categories
    for series in chart.series:
        if chart.kind == "bar":
            if categories is None:
                problems.append("needs 'categories' on its x axis, one per bar")
                break
            if len(series.y) != len(categories):
                problems.append(
                    f"series '{series.name}' has {len(series.y)} values for "
                    f"{len(categories)} categories"
                )
        elif series.x is None or len(series.x) != len(series.y):
            found = "no x" if series.x is None else f"{len(series.x)} x"
            problems.append(
                f"series '{series.name}' needs one x per y, and has {found} for {len(series.y)} y"
            )
    return problems


def _value_count(chart: Chart) -> int:
    in_cells = sum(len(row) for row in chart.cells or [])
    return in_cells + sum(len(s.y) + len(s.x or []) for s in chart.series)
