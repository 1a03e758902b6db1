"""Reading an Evidently snapshot's metric results: drift verdicts, metadata and tables."""

from __future__ import annotations

from headwater.integrations.evidently.snapshot_summary import (
    ColumnDrift,
    drift_table,
    metrics_table,
    snapshot_metadata,
)

METRICS = [
    {
        "metric_name": "DriftedColumnsCount(drift_share=0.5)",
        "config": {"type": "evidently:metric_v2:DriftedColumnsCount", "drift_share": 0.5},
        "value": {"count": 2.0, "share": 2 / 3},
    },
    {
        "metric_name": "ValueDrift(column=a)",
        "config": {
            "type": "evidently:metric_v2:ValueDrift",
            "column": "a",
            "method": "K-S p_value",
            "threshold": 0.05,
        },
        "value": 0.001,
    },
    {
        "metric_name": "ValueDrift(column=b)",
        "config": {
            "type": "evidently:metric_v2:ValueDrift",
            "column": "b",
            "method": "Wasserstein distance (normed)",
            "threshold": 0.1,
        },
        "value": 0.4,
    },
    {
        "metric_name": "ValueDrift(column=c)",
        "config": {
            "type": "evidently:metric_v2:ValueDrift",
            "column": "c",
            "method": "chi-square p_value",
            "threshold": 0.05,
        },
        "value": 0.7,
    },
]


def test_a_p_value_drifts_below_its_threshold_and_a_distance_at_or_above_it() -> None:
    assert ColumnDrift("a", "K-S p_value", 0.05, 0.01).is_drifted
    assert not ColumnDrift("a", "K-S p_value", 0.05, 0.2).is_drifted
    assert ColumnDrift("b", "Wasserstein distance (normed)", 0.1, 0.1).is_drifted
    assert not ColumnDrift("b", "Jensen-Shannon distance", 0.1, 0.05).is_drifted


def test_the_metadata_names_the_drifted_columns_and_the_datasets_drift() -> None:
    metadata = snapshot_metadata(METRICS)

    assert metadata == {
        "metrics": 4,
        "drifted_columns": 2,
        "dataset_drift_share": round(2 / 3, 6),
        "dataset_drift": True,
        "drifted_column_names": ["a", "b"],
    }


def test_the_drift_table_marks_drifted_columns_failed() -> None:
    table = drift_table(METRICS)

    assert table is not None
    assert table.title == "Drift in 2 of 3 columns"
    assert [row[:2] for row in table.rows] == [["a", True], ["b", True], ["c", False]]
    assert [statuses[1] for statuses in table.statuses or []] == ["fail", "fail", "pass"]


def test_a_report_without_drift_metrics_has_no_drift_table_but_lists_its_metrics() -> None:
    other = [{"metric_name": "RowCount()", "config": {"type": "x:RowCount"}, "value": 1000.0}]

    assert drift_table(other) is None
    assert metrics_table(other).rows == [["RowCount()", "1000"]]
    assert metrics_table(METRICS).rows[0][1] == "count=2, share=0.666667"
