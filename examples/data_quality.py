"""Data quality on the iris measurements (shipped with scikit-learn, nothing downloaded):
an Evidently drift report, a Great Expectations validation and two whylogs profiles
compared, between a reference sample and a 'current' one whose petals grew."""

from __future__ import annotations

from typing import Annotated

import pandas as pd
from sklearn.datasets import load_iris

from headwater import pipeline, step
from headwater.integrations.evidently import data_drift_report
from headwater.integrations.great_expectations import validate_dataframe
from headwater.integrations.whylogs import compare_profiles, profile_dataframe

# The expectation suite in Great Expectations' JSON form (what ExpectationSuite.to_json_dict
# gives): a step parameter, so it is recorded with the run.
IRIS_SUITE = {
    "name": "iris measurements",
    "expectations": [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "petal length (cm)"}},
        {
            "type": "expect_column_values_to_be_between",
            "kwargs": {"column": "petal length (cm)", "min_value": 0.5, "max_value": 7.0},
        },
        {
            "type": "expect_column_values_to_be_between",
            "kwargs": {"column": "sepal width (cm)", "min_value": 1.5, "max_value": 5.0},
        },
        {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 50}},
    ],
}


@step
def iris_samples() -> tuple[
    Annotated[pd.DataFrame, "reference"], Annotated[pd.DataFrame, "current"]
]:
    frame = load_iris(as_frame=True).frame.drop(columns="target")
    reference = frame.sample(frac=0.5, random_state=0)
    current = frame.drop(reference.index).copy()
    current["petal length (cm)"] = current["petal length (cm)"] * 1.4  # the drift
    return reference.reset_index(drop=True), current.reset_index(drop=True)


@pipeline
def data_quality() -> None:
    reference, current = iris_samples()
    data_drift_report(reference, current)
    validate_dataframe(current, IRIS_SUITE)
    compare_profiles(profile_dataframe(reference), profile_dataframe(current))
