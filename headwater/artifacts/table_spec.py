"""`Table`: typed columns and rows a materializer emits as data, with per-cell status.

The dashboard shows it in its sortable data table, marking 'pass' and 'fail' cells;
notebooks get a static HTML table of the same data. Rows are checked against their
columns' types when the table is built.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from headwater.errors import VisualizationError

ColumnType = Literal["string", "integer", "number", "boolean"]
CellStatus = Literal["pass", "fail"]
CellValue = str | int | float | bool | None
MAX_TABLE_ROWS = 100_000
TABLE_FORMAT: Literal["headwater.table"] = "headwater.table"


class _TablePart(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class TableColumn(_TablePart):
    """A column: its header and the type of its values ('string', 'integer', 'number',
    'boolean'), which decides how it sorts and aligns."""

    name: str
    type: ColumnType = "string"


class Table(_TablePart):
    """A table as data: columns, rows of cells, and optionally a status per cell.

    Args:
        title: A caption above the table.
        columns: The columns, in order.
        rows: One list of cells per row, as many as there are columns; None is empty.
        statuses: 'pass', 'fail' or None per cell, in the shape of `rows`.

    Example:
        ```python
        Table(
            columns=[TableColumn(name="check"), TableColumn(name="passed", type="boolean")],
            rows=[["no nulls", True], ["in range", False]],
            statuses=[[None, "pass"], [None, "fail"]],
        )
        ```
    """

    format: Literal["headwater.table"] = TABLE_FORMAT
    title: str = ""
    columns: list[TableColumn]
    rows: list[list[CellValue]] = Field(default_factory=list)
    statuses: list[list[CellStatus | None]] | None = None

    # VisualizationError is not a ValueError: pydantic lets it through unwrapped.
    @model_validator(mode="after")
    def _check_cells(self) -> Self:
        problems = [*_row_problems(self), *_status_problems(self)]
        if len(self.rows) > MAX_TABLE_ROWS:
            problems.append(f"it has {len(self.rows):,} rows, more than {MAX_TABLE_ROWS:,}")
        if problems:
            raise VisualizationError(
                "The table "
                + "; ".join(problems[:10])
                + ". Fix the table's fields (see headwater.Table)."
            )
        return self


def _row_problems(table: Table) -> list[str]:
    problems = []
    for index, row in enumerate(table.rows):
        if len(row) != len(table.columns):
            problems.append(f"row {index} has {len(row)} cells for {len(table.columns)} columns")
            continue
        for column, cell in zip(table.columns, row, strict=True):
            if cell is not None and not _fits(column.type, cell):
                problems.append(f"row {index} has {cell!r} in {column.type} column '{column.name}'")
    return problems


def _status_problems(table: Table) -> list[str]:
    if table.statuses is None:
        return []
    if [len(r) for r in table.statuses] != [len(r) for r in table.rows]:
        return ["has 'statuses' of another shape than 'rows'"]
    return []


def _fits(column_type: ColumnType, cell: CellValue) -> bool:
    match column_type:
        case "string":
            return isinstance(cell, str)
        case "boolean":
            return isinstance(cell, bool)
        case "integer":
            return isinstance(cell, int) and not isinstance(cell, bool)
        case "number":
            return isinstance(cell, int | float) and not isinstance(cell, bool)
