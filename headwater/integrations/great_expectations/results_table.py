"""Great Expectations results as Headwater tables (never GX's Data Docs, which load CDNs)."""

from __future__ import annotations

import json
from typing import Any

from headwater.artifacts.table_spec import CellStatus, CellValue, Table, TableColumn

# Unexpected values shown per expectation, and the longest observed value kept verbatim.
MAX_EXAMPLES = 5
_MAX_TEXT = 200

_COLUMNS = [
    TableColumn(name="expectation"),
    TableColumn(name="column"),
    TableColumn(name="success", type="boolean"),
    TableColumn(name="observed value"),
    TableColumn(name="unexpected count", type="integer"),
    TableColumn(name="unexpected examples"),
]


def validation_table(result: Any) -> Table:
    """One row per expectation of an `ExpectationSuiteValidationResult`, its success cell
    marked pass or fail; the title is the pass/fail summary."""
    rows: list[list[CellValue]] = []
    statuses: list[list[CellStatus | None]] = []
    for expectation in result.results:
        rows.append(_row(expectation))
        status: CellStatus = "pass" if expectation.success else "fail"
        statuses.append([None, None, status, None, None, None])
    return Table(title=summary(result), columns=_COLUMNS, rows=rows, statuses=statuses)


def summary(result: Any) -> str:
    """'Suite "orders": 4 of 5 expectations passed (80%)'."""
    statistics = result.statistics or {}
    passed = int(statistics.get("successful_expectations", 0))
    evaluated = int(statistics.get("evaluated_expectations", len(result.results)))
    share = f" ({passed / evaluated:.0%})" if evaluated else ""
    return f'Suite "{result.suite_name}": {passed} of {evaluated} expectations passed{share}'


def validation_metadata(result: Any) -> dict[str, Any]:
    """Whether the suite passed, and how many expectations did."""
    statistics = result.statistics or {}
    return {
        "success": bool(result.success),
        "suite": str(result.suite_name),
        "evaluated_expectations": int(statistics.get("evaluated_expectations", 0)),
        "successful_expectations": int(statistics.get("successful_expectations", 0)),
        "unsuccessful_expectations": int(statistics.get("unsuccessful_expectations", 0)),
        "success_percent": float(statistics.get("success_percent") or 0.0),
    }


def _row(expectation: Any) -> list[CellValue]:
    config = expectation.expectation_config
    kwargs = dict(config.kwargs) if config is not None else {}
    found = expectation.result or {}
    count = found.get("unexpected_count")
    examples = found.get("partial_unexpected_list") or []
    return [
        config.type if config is not None else "",
        _text(kwargs.get("column", kwargs.get("column_list", ""))),
        bool(expectation.success),
        _observed(expectation),
        int(count) if count is not None else None,
        ", ".join(_text(example) for example in examples[:MAX_EXAMPLES]) or None,
    ]


def _observed(expectation: Any) -> str | None:
    found = expectation.result or {}
    if "observed_value" in found:
        return _text(found["observed_value"])
    exception = expectation.exception_info or {}
    if exception.get("raised_exception"):
        return f"error: {exception.get('exception_message')}"
    if "unexpected_percent" in found and found["unexpected_percent"] is not None:
        return f"{float(found['unexpected_percent']):.2f}% unexpected"
    return None


def _text(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"  # 7.84, not 7.839999999999999
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"
