"""What the `Client` hands back: runs, steps, artifacts and model versions that navigate
to each other (`run.steps["train"].outputs["model"].load()`).

The SDK and the runner hand them out too (a pipeline call returns its run), so they sit
beside the client rather than inside it.
"""

from headwater.responses.runs import (
    ArtifactResponse,
    ArtifactVersionResponse,
    PipelineResponse,
    PipelineRunResponse,
    StepRunResponse,
)

__all__ = [
    "ArtifactResponse",
    "ArtifactVersionResponse",
    "PipelineResponse",
    "PipelineRunResponse",
    "StepRunResponse",
]
