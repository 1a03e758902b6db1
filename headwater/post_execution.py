"""The 0.x import path `headwater.post_execution`: re-exports `headwater.legacy`'s views."""

from headwater.legacy.post_execution import (
    ArtifactView,
    PipelineRunView,
    PipelineView,
    StepView,
    get_pipeline,
    get_pipelines,
    get_run,
)

__all__ = [
    "ArtifactView",
    "PipelineRunView",
    "PipelineView",
    "StepView",
    "get_pipeline",
    "get_pipelines",
    "get_run",
]
