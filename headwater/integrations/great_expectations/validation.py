"""Validating a DataFrame against an expectation suite, in an in-memory GX context."""

from __future__ import annotations

from typing import Any

from headwater.integrations.great_expectations.library import import_great_expectations
from headwater.integrations.great_expectations.results_table import summary


def validate(dataframe: Any, suite: Any) -> Any:
    """Run `suite` (an `ExpectationSuite` or its JSON dict) on a pandas DataFrame and
    return the `ExpectationSuiteValidationResult`. Nothing is written to disk."""
    gx = import_great_expectations()
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    if not isinstance(suite, gx.ExpectationSuite):
        suite = gx.ExpectationSuite(**{k: v for k, v in dict(suite).items() if k != "id"})
    batch = (
        context.data_sources.add_pandas("headwater")
        .add_dataframe_asset("dataframe")
        .add_batch_definition_whole_dataframe("whole dataframe")
        .get_batch(batch_parameters={"dataframe": dataframe})
    )
    return batch.validate(suite)


def failure_message(result: Any) -> str:
    """Why a validation failed: the summary and the expectations that did not pass."""
    failed = [
        f"{expectation.expectation_config.type}"
        f"({expectation.expectation_config.kwargs.get('column', '')})"
        for expectation in result.results
        if not expectation.success
    ]
    return f"{summary(result)}; failed: {', '.join(failed)}."
