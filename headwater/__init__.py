"""Headwater: ML pipelines as plain Python functions, with every run remembered.

The public API. Names load on first use (PEP 562), so `import headwater` stays fast
and a script pays only for what it touches.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from headwater.artifacts.chart_spec import Chart, ChartAxis, ChartSeries
    from headwater.artifacts.materializers.base import Materializer
    from headwater.artifacts.materializers.registry import register_materializer
    from headwater.artifacts.table_spec import Table, TableColumn
    from headwater.client import Client
    from headwater.compiler.artifact_config import ArtifactConfig
    from headwater.integrations.ray.settings import RaySettings
    from headwater.metadata_types import Path, StorageSize, Uri
    from headwater.runner.context import StepContext
    from headwater.sdk.context import get_step_context, log_metadata
    from headwater.sdk.model import Model
    from headwater.sdk.pipeline import Pipeline, pipeline
    from headwater.sdk.pipeline_context import PipelineContext, get_pipeline_context
    from headwater.sdk.step import Step, step
    from headwater.store.model_registry import ModelStage, PromotionRule
    from headwater.store.models import ArtifactType, ExecutionStatus

__version__ = "0.1.0"

_EXPORTS = {
    "ArtifactConfig": "headwater.compiler.artifact_config",
    "ArtifactType": "headwater.store.models",
    "Chart": "headwater.artifacts.chart_spec",
    "ChartAxis": "headwater.artifacts.chart_spec",
    "ChartSeries": "headwater.artifacts.chart_spec",
    "Client": "headwater.client",
    "ExecutionStatus": "headwater.store.models",
    "Materializer": "headwater.artifacts.materializers.base",
    "Model": "headwater.sdk.model",
    "ModelStage": "headwater.store.model_registry",
    "Path": "headwater.metadata_types",
    "Pipeline": "headwater.sdk.pipeline",
    "PipelineContext": "headwater.sdk.pipeline_context",
    "PromotionRule": "headwater.store.model_registry",
    "RaySettings": "headwater.integrations.ray.settings",
    "Step": "headwater.sdk.step",
    "StepContext": "headwater.runner.context",
    "StorageSize": "headwater.metadata_types",
    "Table": "headwater.artifacts.table_spec",
    "TableColumn": "headwater.artifacts.table_spec",
    "Uri": "headwater.metadata_types",
    "get_pipeline_context": "headwater.sdk.pipeline_context",
    "get_step_context": "headwater.sdk.context",
    "log_metadata": "headwater.sdk.context",
    "pipeline": "headwater.sdk.pipeline",
    "register_materializer": "headwater.artifacts.materializers.registry",
    "step": "headwater.sdk.step",
}

__all__ = [
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
]


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'headwater' has no attribute '{name}'")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
