"""`SavedVisualization`: a rendered view of an artifact, stored beside its bytes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How the dashboard renders a visualization file; mirrors the store's VisualizationType.
VisualizationKind = Literal["html", "markdown", "image", "csv", "json", "chart", "table"]


@dataclass(frozen=True, slots=True)
class SavedVisualization:
    """One visualization file of an artifact: its kind, where it is and what it shows."""

    type: VisualizationKind
    uri: str
    name: str
