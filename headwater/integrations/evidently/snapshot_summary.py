"""An Evidently snapshot's metric results as metadata and Headwater tables."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from headwater.artifacts.table_spec import CellStatus, CellValue, Table, TableColumn

_DRIFT_COUNT = "evidently:metric_v2:DriftedColumnsCount"
_VALUE_DRIFT = "evidently:metric_v2:ValueDrift"


@dataclass(frozen=True, slots=True)
class ColumnDrift:
    """One column's drift test: the method, its threshold and score, and the verdict."""

    column: str
    method: str
    threshold: float
    score: float

    @property
    def is_drifted(self) -> bool:
        # A p-value drifts when it falls below the threshold; a distance when it reaches it.
        if "p_value" in self.method:
            return self.score < self.threshold
        return self.score >= self.threshold


def column_drifts(metrics: list[dict[str, Any]]) -> list[ColumnDrift]:
    """Every `ValueDrift` result of the snapshot's metrics (`snapshot.dict()['metrics']`)."""
    return [
        ColumnDrift(
            column=str(metric["config"]["column"]),
            method=str(metric["config"].get("method") or ""),
            threshold=float(metric["config"].get("threshold") or 0.0),
            score=float(metric["value"]),
        )
        for metric in metrics
        if metric["config"].get("type") == _VALUE_DRIFT and metric.get("value") is not None
    ]


def snapshot_metadata(metrics: list[dict[str, Any]]) -> dict[str, Any]:
    """Headline drift numbers (drift share, drifted columns) and how many metrics ran."""
    metadata: dict[str, Any] = {"metrics": len(metrics)}
    for metric in metrics:
        if metric["config"].get("type") == _DRIFT_COUNT:
            value = metric["value"]
            threshold = float(metric["config"].get("drift_share", 0.5))
            metadata["drifted_columns"] = int(value["count"])
            metadata["dataset_drift_share"] = round(float(value["share"]), 6)
            metadata["dataset_drift"] = float(value["share"]) >= threshold
    drifts = column_drifts(metrics)
    if drifts:
        metadata["drifted_column_names"] = [d.column for d in drifts if d.is_drifted]
    return metadata


def drift_table(metrics: list[dict[str, Any]]) -> Table | None:
    """One row per column tested for drift, the verdict marked pass (no drift) or fail."""
    drifts = column_drifts(metrics)
    if not drifts:
        return None
    drifted = sum(1 for d in drifts if d.is_drifted)
    rows: list[list[CellValue]] = [
        [d.column, d.is_drifted, d.method, d.threshold, round(d.score, 6)] for d in drifts
    ]
    statuses: list[list[CellStatus | None]] = [
        [None, "fail" if d.is_drifted else "pass", None, None, None] for d in drifts
    ]
    return Table(
        title=f"Drift in {drifted} of {len(drifts)} columns",
        columns=[
            TableColumn(name="column"),
            TableColumn(name="drifted", type="boolean"),
            TableColumn(name="method"),
            TableColumn(name="threshold", type="number"),
            TableColumn(name="score", type="number"),
        ],
        rows=rows,
        statuses=statuses,
    )


def metrics_table(metrics: list[dict[str, Any]]) -> Table:
    """Every metric the report computed, with its value as text."""
    return Table(
        title=f"{len(metrics)} metrics",
        columns=[TableColumn(name="metric"), TableColumn(name="value")],
        rows=[
            [str(m.get("metric_name", m["config"].get("type"))), _value(m.get("value"))]
            for m in metrics
        ],
    )


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{key}={_value(item)}" for key, item in value.items())
    if isinstance(value, float):
        return f"{value:.6g}"
    return value if isinstance(value, str) else json.dumps(value, default=str)
