"""Materializers for Great Expectations validation results and checkpoint results."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from headwater.artifacts.materializers.base import Materializer
from headwater.artifacts.table_spec import Table, TableColumn
from headwater.integrations.great_expectations import results_table
from headwater.integrations.great_expectations.library import import_great_expectations

if TYPE_CHECKING:
    from headwater.artifacts.visualization import SavedVisualization

_RESULT_FILE = "validation_result.json"
_CHECKPOINT_FILE = "checkpoint_result.json"


class ValidationResultMaterializer(Materializer):
    """An `ExpectationSuiteValidationResult` as GX's own JSON. Views: one table of every
    expectation (column, success, observed value, unexpected count and examples) under a
    pass/fail summary; metadata: success and the expectation counts."""

    ASSOCIATED_TYPES = (
        "great_expectations.core.expectation_validation_result.ExpectationSuiteValidationResult",
    )

    def save(self, data: Any) -> None:
        self.fs.pipe_file(self.file_path(_RESULT_FILE), json.dumps(data.to_json_dict()).encode())

    def load(self, data_type: type) -> Any:
        return _load_result(json.loads(self.fs.cat_file(self.file_path(_RESULT_FILE))))

    def extract_metadata(self, data: Any) -> dict[str, Any]:
        return results_table.validation_metadata(data)

    def save_visualizations(self, data: Any) -> list[SavedVisualization]:
        return [self.write_table("validation results", results_table.validation_table(data))]


class CheckpointResultMaterializer(Materializer):
    """A `CheckpointResult`: its run id, success and every validation result, as JSON.

    It loads back without its `checkpoint_config` (a checkpoint belongs to the data
    context that ran it). Views: a summary table of the validations, then each one's table.
    """

    ASSOCIATED_TYPES = ("great_expectations.checkpoint.checkpoint.CheckpointResult",)

    def save(self, data: Any) -> None:
        document = {
            "success": bool(data.success),
            "run_id": data.run_id.to_json_dict(),
            "run_results": [
                {"identifier": list(identifier.to_tuple()), "result": result.to_json_dict()}
                for identifier, result in data.run_results.items()
            ],
        }
        self.fs.pipe_file(self.file_path(_CHECKPOINT_FILE), json.dumps(document).encode())

    def load(self, data_type: type) -> Any:
        import_great_expectations()
        from great_expectations.checkpoint.checkpoint import CheckpointResult
        from great_expectations.core.run_identifier import RunIdentifier
        from great_expectations.data_context.types.resource_identifiers import (
            ValidationResultIdentifier,
        )

        document = json.loads(self.fs.cat_file(self.file_path(_CHECKPOINT_FILE)))
        # Untyped in GX (`from_tuple` has no annotations): called through `Any`.
        identifiers: Any = ValidationResultIdentifier
        run_results = {
            identifiers.from_tuple(tuple(entry["identifier"])): _load_result(entry["result"])
            for entry in document["run_results"]
        }
        # pydantic v1's construct: the checkpoint_config is not stored, so skip validation.
        return CheckpointResult.construct(
            run_id=RunIdentifier(**document["run_id"]),
            run_results=run_results,
            checkpoint_config=None,
            success=document["success"],
        )

    def extract_metadata(self, data: Any) -> dict[str, Any]:
        results = list(data.run_results.values())
        return {
            "success": bool(data.success),
            "validations": len(results),
            "successful_validations": sum(1 for result in results if result.success),
        }

    def save_visualizations(self, data: Any) -> list[SavedVisualization]:
        results = list(data.run_results.values())
        saved = [self.write_table("validations", _validations_table(results))]
        for index, result in enumerate(results):
            name = f"validation {index + 1}: {result.suite_name}"
            saved.append(self.write_table(name, results_table.validation_table(result)))
        return saved


def _validations_table(results: list[Any]) -> Table:
    passed = sum(1 for result in results if result.success)
    return Table(
        title=f"{passed} of {len(results)} validations passed",
        columns=[
            TableColumn(name="suite"),
            TableColumn(name="success", type="boolean"),
            TableColumn(name="summary"),
        ],
        rows=[[str(r.suite_name), bool(r.success), results_table.summary(r)] for r in results],
        statuses=[[None, "pass" if r.success else "fail", None] for r in results],
    )


def _load_result(document: dict[str, Any]) -> Any:
    import_great_expectations()
    from great_expectations.core.expectation_validation_result import (
        expectationSuiteValidationResultSchema,
    )

    return expectationSuiteValidationResultSchema.load(document)
