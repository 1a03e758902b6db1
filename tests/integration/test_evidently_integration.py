"""The Evidently integration with the real library: drift tables, metadata, offline HTML."""

from __future__ import annotations

import json
import re
from typing import Any

import fsspec
import numpy as np
import pandas as pd

from headwater import Client, pipeline, step
from headwater.integrations.evidently import data_drift_report


@step
def reference_frame() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "income": rng.normal(50, 5, 600),
            "age": rng.normal(40, 8, 600),
            "plan": rng.choice(["free", "pro"], 600),
        }
    )


@step
def current_frame() -> pd.DataFrame:
    rng = np.random.default_rng(1)
    return pd.DataFrame(
        {
            "income": rng.normal(65, 5, 400),  # drifted
            "age": rng.normal(40, 8, 400),
            "plan": rng.choice(["free", "pro"], 400),
        }
    )


@pipeline
def drift_check() -> None:
    data_drift_report(reference_frame(), current_frame())


def _read(view: Any) -> bytes:
    with fsspec.open(view.uri, "rb") as file:
        content: bytes = file.read()
    return content


def test_a_drift_report_is_a_drift_table_its_metrics_and_its_own_html() -> None:
    run = drift_check()

    output = Client().get_pipeline_run(run.id).steps["data_drift_report"].outputs["output"]

    assert [(v.name, v.type.value) for v in output.visualizations] == [
        ("drift by column", "table"),
        ("metrics", "table"),
        ("report", "html"),
    ]
    drift = json.loads(_read(output.visualizations[0]))
    assert drift["title"] == "Drift in 1 of 3 columns"
    verdicts = {row[0]: row[1] for row in drift["rows"]}
    assert verdicts == {"income": True, "age": False, "plan": False}
    assert output.metadata["drifted_columns"] == 1
    assert output.metadata["drifted_column_names"] == ["income"]
    assert abs(output.metadata["dataset_drift_share"] - 1 / 3) < 1e-6
    assert output.metadata["dataset_drift"] is False
    assert type(output.load()).__name__ == "Snapshot"
    assert output.load().dict()["metrics"][0]["value"]["count"] == 1.0


def test_the_reports_html_carries_its_scripts_and_loads_none_from_elsewhere() -> None:
    run = drift_check()

    output = Client().get_pipeline_run(run.id).steps["data_drift_report"].outputs["output"]

    html = _read(output.visualizations[2]).decode()
    assert "<script" in html
    assert re.findall(r"<script[^>]+src=", html) == []
    assert re.findall(r"<link[^>]+href=[\"']https?:", html) == []
    assert output.metadata["html_bytes"] == len(html.encode())
