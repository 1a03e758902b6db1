"""`ArtifactConfig`: how a step output is named and tagged, given inside `Annotated[...]`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from headwater.errors import DefinitionError

# What an artifact can be to a model version (the values of `headwater.ArtifactType`).
ARTIFACT_TYPES = ("data", "model", "deployment")


@dataclass(frozen=True, slots=True)
class ArtifactConfig:
    """Names and tags the artifact a step output becomes.

    Example:
        ```python
        @step
        def evaluate() -> Annotated[float, ArtifactConfig(name="score", tags=["eval"])]:
            return 0.93
        ```

    Args:
        name: The artifact's name; versions accumulate under it across runs.
        tags: Tags attached to every version the output produces.
        version: ZenML's custom version name. Headwater numbers versions itself, so the
            name is kept as the version's `version` metadata.
        run_metadata: Metadata attached to every version the output produces.
        artifact_type: What the artifact is to the step's model version: "data" (the
            default), "model" or "deployment" (or `headwater.ArtifactType.MODEL`, ...).
        is_model_artifact: ZenML's older spelling of `artifact_type="model"`.
        is_deployment_artifact: ZenML's older spelling of `artifact_type="deployment"`.

    Raises:
        DefinitionError: `artifact_type` is not one of those.
    """

    name: str | None = None
    version: str | int | None = None
    tags: tuple[str, ...] | list[str] = ()
    run_metadata: Mapping[str, Any] = field(default_factory=dict)
    artifact_type: str = "data"
    is_model_artifact: bool = False
    is_deployment_artifact: bool = False

    @property
    def kind(self) -> str:
        """What the artifact is to a model version, whichever spelling said it."""
        if self.is_model_artifact:
            return "model"
        if self.is_deployment_artifact:
            return "deployment"
        return str(self.artifact_type)

    @property
    def metadata(self) -> dict[str, Any]:
        """The metadata each version gets: `run_metadata`, and `version` when named."""
        extra = {} if self.version is None else {"version": str(self.version)}
        return {**dict(self.run_metadata), **extra}

    def __post_init__(self) -> None:
        if str(self.artifact_type) not in ARTIFACT_TYPES:
            raise DefinitionError(
                f"ArtifactConfig(name={self.name!r}) has artifact_type "
                f"'{self.artifact_type}'. Use one of: {', '.join(ARTIFACT_TYPES)}."
            )
