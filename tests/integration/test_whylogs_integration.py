"""The whylogs integration with the real library: profiles and comparisons as data."""

from __future__ import annotations

import json
from typing import Any

import fsspec
import numpy as np
import pandas as pd

from headwater import Client, pipeline, step
from headwater.integrations.whylogs import ProfileComparison, compare_profiles, profile_dataframe


@step
def reference_frame() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "age": rng.normal(40, 10, 2_000),
            "visits": rng.integers(0, 9, 2_000),
            "city": rng.choice(["Oslo", "Lima", None], 2_000),
        }
    )


@step
def current_frame() -> pd.DataFrame:
    rng = np.random.default_rng(1)
    return pd.DataFrame({"age": rng.normal(55, 10, 1_000), "visits": rng.integers(0, 9, 1_000)})


@pipeline
def profiling() -> None:
    compare_profiles(profile_dataframe(reference_frame()), profile_dataframe(current_frame()))


def _json(view: Any) -> dict[str, Any]:
    with fsspec.open(view.uri, "rb") as file:
        document: dict[str, Any] = json.loads(file.read())
    return document


def test_a_profile_is_a_column_table_and_a_chart_per_numeric_column() -> None:
    run = profiling()

    profile = Client().get_pipeline_run(run.id).steps["profile_dataframe"].outputs["output"]

    assert [(v.name, v.type.value) for v in profile.visualizations] == [
        ("profile", "table"),
        ("distribution of age", "chart"),
        ("distribution of visits", "chart"),
    ]
    table = _json(profile.visualizations[0])
    rows = {
        row[0]: dict(zip([c["name"] for c in table["columns"]], row, strict=True))
        for row in table["rows"]
    }
    assert rows["city"]["inferred type"] == "string"
    assert 500 < rows["city"]["nulls"] < 850
    assert rows["visits"]["inferred type"] == "integral"
    assert 37 < rows["age"]["median"] < 43
    assert rows["age"]["count"] == 2_000
    chart = _json(profile.visualizations[1])
    assert chart["kind"] == "bar"
    assert abs(sum(chart["series"][0]["y"]) - 1.0) < 1e-6
    assert profile.metadata["rows"] == 2_000
    assert profile.metadata["columns"] == 3
    assert type(profile.load()).__name__ == "DatasetProfileView"


def test_two_profiles_show_side_by_side_with_their_distributions_overlaid() -> None:
    run = profiling()

    output = Client().get_pipeline_run(run.id).steps["compare_profiles"].outputs["output"]

    assert output.metadata["columns_removed"] == ["city"]
    assert [v.name for v in output.visualizations] == [
        "reference vs current",
        "distribution of age",
        "distribution of visits",
    ]
    table = _json(output.visualizations[0])
    header = [c["name"] for c in table["columns"]]
    age = dict(zip(header, next(r for r in table["rows"] if r[0] == "age"), strict=True))
    assert age["count (reference)"] == 2_000
    assert age["count (current)"] == 1_000
    assert age["median (current)"] - age["median (reference)"] > 10
    chart = _json(output.visualizations[1])
    assert [s["name"] for s in chart["series"]] == ["reference", "current"]
    loaded = output.load()
    assert isinstance(loaded, ProfileComparison)
    assert set(loaded.current.get_columns()) == {"age", "visits"}
