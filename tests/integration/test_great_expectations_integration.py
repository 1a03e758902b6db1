"""The Great Expectations integration with the real library: results as pass/fail tables."""

from __future__ import annotations

import json
from typing import Any

import fsspec
import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd
import pytest

from headwater import Client, pipeline, step
from headwater.errors import DataValidationError
from headwater.integrations.great_expectations import validate_dataframe

SUITE = gx.ExpectationSuite(
    name="orders",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="amount"),
        gxe.ExpectColumnValuesToBeBetween(column="amount", min_value=0, max_value=100),
        gxe.ExpectColumnValuesToBeInSet(column="country", value_set=["NO", "PE"]),
        gxe.ExpectTableRowCountToBeBetween(min_value=1, max_value=10),
    ],
).to_json_dict()


@step
def orders() -> pd.DataFrame:
    return pd.DataFrame(
        {"amount": [12.0, 250.0, 7.5, None, 30.0], "country": ["NO", "PE", "XX", "NO", "YY"]}
    )


@pipeline
def order_checks(fail_on_failure: bool = False) -> None:
    validate_dataframe(orders(), SUITE, fail_on_failure=fail_on_failure)


@step
def checkpoint_run(frame: pd.DataFrame) -> Any:
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    batch = context.data_sources.add_pandas("shop").add_dataframe_asset("orders")
    definition = batch.add_batch_definition_whole_dataframe("all orders")
    suite = context.suites.add(gx.ExpectationSuite(**{k: v for k, v in SUITE.items() if k != "id"}))
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name="orders", data=definition, suite=suite)
    )
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(name="nightly", validation_definitions=[validation])
    )
    return checkpoint.run(batch_parameters={"dataframe": frame})


@pipeline
def nightly_checkpoint() -> None:
    checkpoint_run(orders())


def _json(view: Any) -> dict[str, Any]:
    with fsspec.open(view.uri, "rb") as file:
        document: dict[str, Any] = json.loads(file.read())
    return document


def test_a_validation_result_is_a_table_of_expectations_with_pass_and_fail() -> None:
    run = order_checks()

    output = Client().get_pipeline_run(run.id).steps["validate_dataframe"].outputs["output"]

    assert [(v.name, v.type.value) for v in output.visualizations] == [
        ("validation results", "table")
    ]
    table = _json(output.visualizations[0])
    assert table["title"] == 'Suite "orders": 1 of 4 expectations passed (25%)'
    rows = {row[0]: row for row in table["rows"]}
    in_set = rows["expect_column_values_to_be_in_set"]
    assert in_set[1:3] == ["country", False]
    assert in_set[4] == 2
    assert in_set[5] == "XX, YY"
    assert rows["expect_table_row_count_to_be_between"][3] == "5"
    assert [s[2] for s in table["statuses"]] == ["fail", "fail", "fail", "pass"]
    assert output.metadata["success"] is False
    assert output.metadata["unsuccessful_expectations"] == 3
    loaded = output.load()
    assert type(loaded).__name__ == "ExpectationSuiteValidationResult"
    assert loaded.statistics["successful_expectations"] == 1


def test_the_validation_step_fails_when_asked_naming_the_failed_expectations() -> None:
    with pytest.raises(DataValidationError) as raised:
        order_checks(fail_on_failure=True)

    assert "1 of 4 expectations passed" in str(raised.value)
    assert "expect_column_values_to_be_in_set(country)" in str(raised.value)
    run = Client().list_pipeline_runs(pipeline_name="order_checks").items[0]
    assert run.status == "failed"


def test_a_checkpoint_result_shows_its_validations_and_loads_back() -> None:
    run = nightly_checkpoint()

    output = Client().get_pipeline_run(run.id).steps["checkpoint_run"].outputs["output"]

    assert [v.name for v in output.visualizations] == ["validations", "validation 1: orders"]
    summary = _json(output.visualizations[0])
    assert summary["title"] == "0 of 1 validations passed"
    assert output.metadata == {
        **output.metadata,
        "success": False,
        "validations": 1,
        "successful_validations": 0,
    }
    loaded = output.load()
    assert type(loaded).__name__ == "CheckpointResult"
    (result,) = loaded.run_results.values()
    assert result.suite_name == "orders"
