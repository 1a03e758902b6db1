"""`ArtifactConfig`: how a step output is named and tagged, given inside `Annotated[...]`."""

from __future__ import annotations

from dataclasses import dataclass

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
        artifact_type: What the artifact is to the step's model version: "data" (the
            default), "model" or "deployment" (or `headwater.ArtifactType.MODEL`, ...).

    Raises:
        DefinitionError: `artifact_type` is not one of those.
    """

    name: str | None = None
    tags: tuple[str, ...] | list[str] = ()
    artifact_type: str = "data"

    def __post_init__(self) -> None:
        if str(self.artifact_type) not in ARTIFACT_TYPES:
            raise DefinitionError(
                f"ArtifactConfig(name={self.name!r}) has artifact_type "
                f"'{self.artifact_type}'. Use one of: {', '.join(ARTIFACT_TYPES)}."
            )
