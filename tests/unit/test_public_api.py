"""The public API is pinned: a name added to or dropped from `headwater` is a decision."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import headwater

PUBLIC = {
    "ArtifactConfig",
    "ArtifactType",
    "Chart",
    "ChartAxis",
    "ChartSeries",
    "Client",
    "ExecutionStatus",
    "Materializer",
    "Model",
    "ModelStage",
    "Path",
    "Pipeline",
    "PipelineContext",
    "PromotionRule",
    "RaySettings",
    "Step",
    "StepContext",
    "StorageSize",
    "Table",
    "TableColumn",
    "Uri",
    "get_pipeline_context",
    "get_step_context",
    "log_metadata",
    "pipeline",
    "register_materializer",
    "step",
}
PACKAGE = Path(headwater.__file__).parent


def test_all_lists_exactly_the_public_names() -> None:
    assert set(headwater.__all__) == PUBLIC
    assert len(headwater.__all__) == len(PUBLIC)


def test_every_public_name_resolves_from_the_module_it_is_declared_in() -> None:
    for name in headwater.__all__:
        value = getattr(headwater, name)
        declared_in = importlib.import_module(value.__module__)
        assert getattr(declared_in, name) is value, name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="not_a_name"):
        headwater.not_a_name  # noqa: B018


def _untyped_properties(source: str) -> list[int]:
    """Lines of `x = property(lambda ...)`, whose value mypy sees as `Any`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "property"
            and node.args
            and isinstance(node.args[0], ast.Lambda)
        ):
            found.append(node.lineno)
    return found


def test_no_attribute_is_an_untyped_lambda_property() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := _untyped_properties(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_untyped_property_check_finds_one() -> None:
    assert _untyped_properties("class A:\n    x = property(lambda self: 1)\n") == [2]
