"""The Great Expectations integration: validation results as pass/fail tables.

`headwater integration install great-expectations` installs what it needs; without it,
calling the step here raises an error that names that command. Results are shown as
Headwater tables, never as GX's Data Docs pages (those load scripts from CDNs).
"""

from __future__ import annotations

from typing import Any

from headwater.artifacts.materializers.registry import register_materializer
from headwater.errors import DataValidationError
from headwater.integrations.great_expectations.validation import failure_message, validate
from headwater.integrations.great_expectations.validation_result import (
    CheckpointResultMaterializer,
    ValidationResultMaterializer,
)
from headwater.sdk.step import step

__all__ = [
    "CheckpointResultMaterializer",
    "ValidationResultMaterializer",
    "validate_dataframe",
]

register_materializer(ValidationResultMaterializer)
register_materializer(CheckpointResultMaterializer)


# A DataFrame in, GX's ExpectationSuiteValidationResult out: user values, hence `Any`.
@step(enable_cache=False)
def validate_dataframe(dataframe: Any, suite: dict[str, Any], fail_on_failure: bool = False) -> Any:
    """Validate `dataframe` against `suite` (an `ExpectationSuite`'s `to_json_dict()`);
    the artifact is the validation result, shown as a pass/fail table.

    With `fail_on_failure=True` a failed expectation fails the step with a message that
    sums up the result and names the failed expectations; otherwise the step succeeds
    and its result says what failed.

    Raises:
        IntegrationError: Great Expectations is not installed.
        DataValidationError: `fail_on_failure` is set and an expectation failed.
    """
    result = validate(dataframe, suite)
    if fail_on_failure and not result.success:
        raise DataValidationError(failure_message(result))
    return result
