"""Charts and tables as static SVG and HTML: what a notebook shows without the dashboard.

Pure string building with no plotting library and nothing loaded from anywhere: the SVG
and HTML carry their data and inline styles only.
"""

from __future__ import annotations

import html
import math

from headwater.artifacts.chart_spec import Chart, ChartSeries
from headwater.artifacts.table_spec import Table

_WIDTH, _HEIGHT = 560, 360
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 16, 28, 48
_PALETTE = ("#2c6fbb", "#d9731a", "#2e9d5b", "#c2413b", "#7b5fb0", "#8a6a4f")
# Viridis end points and middle, for heatmap cells.
_VIRIDIS = ((68, 1, 84), (33, 144, 141), (253, 231, 37))
_STATUS_COLOURS = {"pass": "#2e9d5b", "fail": "#c2413b"}


def chart_svg(chart: Chart) -> str:
    """An SVG drawing of `chart`, with its title, axis labels and a legend."""
    body = _heatmap(chart) if chart.kind == "heatmap" else _plot(chart)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{_HEIGHT}" '
        f'viewBox="0 0 {_WIDTH} {_HEIGHT}" font-family="sans-serif" font-size="11">'
        f'<rect width="100%" height="100%" fill="white"/>'
        f"{_text(_WIDTH / 2, 16, chart.title, anchor='middle', size=13)}"
        f"{body}"
        f"{_text(_WIDTH / 2, _HEIGHT - 8, chart.x_axis.label, anchor='middle')}"
        f'<text transform="translate(14 {_HEIGHT / 2}) rotate(-90)" text-anchor="middle">'
        f"{html.escape(chart.y_axis.label)}</text></svg>"
    )


def table_html(table: Table) -> str:
    """A static HTML table of `table`, with 'pass' and 'fail' cells coloured."""
    header = "".join(f"<th>{html.escape(c.name)}</th>" for c in table.columns)
    rows = []
    for index, row in enumerate(table.rows):
        statuses = table.statuses[index] if table.statuses else [None] * len(row)
        cells = "".join(
            _cell(value, status, numeric=column.type in ("integer", "number"))
            for value, status, column in zip(row, statuses, table.columns, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    caption = f"<caption>{html.escape(table.title)}</caption>" if table.title else ""
    return (
        f'<table style="border-collapse:collapse">{caption}<thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _cell(value: object, status: str | None, *, numeric: bool) -> str:
    text = "" if value is None else f"{value:.4g}" if isinstance(value, float) else str(value)
    style = "text-align:right;" if numeric else ""
    if status is not None:
        style += f"color:{_STATUS_COLOURS[status]};font-weight:bold;"
        text = f"{text} ({status})" if text else status
    return f'<td style="{style}padding:2px 8px">{html.escape(text)}</td>'


def _plot(chart: Chart) -> str:
    xs = _finite([x for s in chart.series for x in (s.x or range(len(s.y)))])
    ys = _finite([y for s in chart.series for y in s.y if y is not None])
    if chart.kind == "bar":
        ys.append(0.0)
    x_range = _range(xs, chart.x_axis.min, chart.x_axis.max)
    y_range = _range(ys, chart.y_axis.min, chart.y_axis.max)
    parts = [_frame(x_range if chart.kind != "bar" else None, y_range)]
    for number, series in enumerate(chart.series):
        colour = _PALETTE[number % len(_PALETTE)]
        parts.append(_series(chart, series, number, colour, x_range, y_range))
        parts.append(_text(_LEFT + 8, _TOP + 14 + 14 * number, f"■ {series.name}", fill=colour))
    if chart.kind == "bar" and chart.x_axis.categories:
        parts.extend(_category_labels(chart.x_axis.categories))
    return "".join(parts)


def _series(
    chart: Chart,
    series: ChartSeries,
    number: int,
    colour: str,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> str:
    if chart.kind == "bar":
        count, groups = len(series.y), len(chart.series)
        slot = (_WIDTH - _LEFT - _RIGHT) / max(count, 1)
        width = slot * 0.8 / groups
        bars = []
        for index, y in enumerate(series.y):
            if y is None:
                continue
            top, base = _scale_y(max(y, 0.0), y_range), _scale_y(min(y, 0.0), y_range)
            x = _LEFT + slot * index + slot * 0.1 + width * number
            bars.append(
                f'<rect x="{x:.1f}" y="{top:.1f}" width="{width:.1f}" '
                f'height="{max(base - top, 0.5):.1f}" fill="{colour}"/>'
            )
        return "".join(bars)
    points = [
        (_scale_x(x, x_range), _scale_y(y, y_range))
        for x, y in zip(series.x or [], series.y, strict=False)
        if y is not None
    ]
    if chart.kind == "scatter":
        return "".join(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}" fill-opacity="0.7"/>'
            for x, y in points
        )
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5"/>'


def _heatmap(chart: Chart) -> str:
    cells = chart.cells or []
    columns, rows = chart.x_axis.categories or [], chart.y_axis.categories or []
    values = _finite([v for row in cells for v in row if v is not None])
    low, high = _range(values, None, None)
    width = (_WIDTH - _LEFT - _RIGHT) / max(len(columns), 1)
    height = (_HEIGHT - _TOP - _BOTTOM) / max(len(rows), 1)
    parts = []
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            fill = "#a0a0a0" if value is None else _viridis((value - low) / (high - low or 1))
            x, y = _LEFT + c * width, _TOP + r * height
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
                f'fill="{fill}" stroke="white" stroke-width="0.5"/>'
            )
            label = chart.cell_labels[r][c] if chart.cell_labels else _number(value)
            if len(columns) <= 20 and len(rows) <= 20:
                light = value is not None and (value - low) / (high - low or 1) < 0.6
                parts.append(
                    _text(
                        x + width / 2,
                        y + height / 2 + 4,
                        label,
                        anchor="middle",
                        fill="white" if light else "black",
                    )
                )
    parts.extend(_category_labels(columns))
    for r, name in enumerate(rows):
        parts.append(_text(_LEFT - 4, _TOP + (r + 0.5) * height + 4, name, anchor="end"))
    return "".join(parts)


def _frame(x_range: tuple[float, float] | None, y_range: tuple[float, float]) -> str:
    bottom, right = _HEIGHT - _BOTTOM, _WIDTH - _RIGHT
    parts = [
        f'<path d="M{_LEFT},{_TOP} V{bottom} H{right}" fill="none" stroke="#5a5a5a"/>',
        _text(_LEFT - 4, bottom, _number(y_range[0]), anchor="end"),
        _text(_LEFT - 4, _TOP + 8, _number(y_range[1]), anchor="end"),
    ]
    if x_range is not None:
        parts.append(_text(_LEFT, bottom + 14, _number(x_range[0]), anchor="start"))
        parts.append(_text(right, bottom + 14, _number(x_range[1]), anchor="end"))
    return "".join(parts)


def _category_labels(categories: list[str]) -> list[str]:
    slot = (_WIDTH - _LEFT - _RIGHT) / max(len(categories), 1)
    every = max(1, math.ceil(len(categories) / 12))
    return [
        _text(_LEFT + slot * (i + 0.5), _HEIGHT - _BOTTOM + 14, name, anchor="middle")
        for i, name in enumerate(categories)
        if i % every == 0
    ]


def _scale_x(x: float, x_range: tuple[float, float]) -> float:
    low, high = x_range
    return _LEFT + (x - low) / (high - low) * (_WIDTH - _LEFT - _RIGHT)


def _scale_y(y: float, y_range: tuple[float, float]) -> float:
    low, high = y_range
    return _HEIGHT - _BOTTOM - (y - low) / (high - low) * (_HEIGHT - _TOP - _BOTTOM)


def _range(values: list[float], low: float | None, high: float | None) -> tuple[float, float]:
    low = min(values, default=0.0) if low is None else low
    high = max(values, default=1.0) if high is None else high
    return (low, high) if high > low else (low - 0.5, high + 0.5)


def _finite(values: list[float] | range | list[float | int]) -> list[float]:
    return [float(v) for v in values if math.isfinite(v)]


def _viridis(position: float) -> str:
    position = min(max(position, 0.0), 1.0) * 2
    start, end = (_VIRIDIS[0], _VIRIDIS[1]) if position <= 1 else (_VIRIDIS[1], _VIRIDIS[2])
    part = position if position <= 1 else position - 1
    r, g, b = (round(a + (b - a) * part) for a, b in zip(start, end, strict=True))
    return f"rgb({r},{g},{b})"


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.3g}"


def _text(
    x: float, y: float, text: str, *, anchor: str = "start", fill: str = "#333", size: int = 11
) -> str:
    if not text:
        return ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" '
        f'font-size="{size}">{html.escape(text)}</text>'
    )
