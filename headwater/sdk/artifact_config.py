"""`ArtifactConfig`: how a step output is named and tagged, given inside `Annotated[...]`."""

from __future__ import annotations

from dataclasses import dataclass


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
    """

    name: str | None = None
    tags: tuple[str, ...] | list[str] = ()
