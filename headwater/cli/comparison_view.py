"""How `headwater runs compare` draws a comparison: keys down, runs across.

Rows that differ are bold; a number that changed against the baseline shows its delta,
any other changed value is yellow, and a missing value is a dim `-`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from headwater.comparison import MISSING

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from headwater.comparison import ComparisonRow, RunComparison

# Long values (hashes, JSON) are cut so a table of many runs stays readable.
CELL_WIDTH = 24


def comparison_table(comparison: RunComparison) -> Table:
    """The comparison as a Rich table, the baseline's column marked."""
    from rich.table import Table

    table = Table(title=f"{len(comparison.runs)} runs, {len(comparison.rows)} rows")
    table.add_column("group", style="dim")
    table.add_column("key")
    for index, run in enumerate(comparison.runs):
        marker = " (baseline)" if index == comparison.baseline else ""
        table.add_column(f"{run.name}{marker}", justify="right", overflow="fold")
    for row in comparison.rows:
        style = "bold" if row.differs else ""
        cells = [_cell(row, i, comparison.baseline) for i in range(len(row.values))]
        table.add_row(row.group.value, row.key, *cells, style=style)
    return table


def _cell(row: ComparisonRow, index: int, baseline: int) -> Text:
    from rich.text import Text

    value = row.values[index]
    if value is MISSING:
        return Text("-", style="dim")
    text = Text(_short(value))
    delta = None if index == baseline else row.delta(index, baseline)
    if delta is not None and delta.absolute is not None:
        percent = "" if delta.percent is None else f", {delta.percent:+.1f}%"
        text.append(f" ({delta.absolute:+.4g}{percent})", style="cyan")
    elif delta is not None:
        text.stylize("yellow")
    return text


def _short(value: Any) -> str:
    shown = f"{value:.6g}" if isinstance(value, float) else str(value)
    return shown if len(shown) <= CELL_WIDTH else f"{shown[: CELL_WIDTH - 1]}…"
