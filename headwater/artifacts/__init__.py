"""Materializers and the fsspec artifact store: turning values into safe, hashed bytes.

Names load on first use (PEP 562): importing the artifact store alone does not import
every built-in materializer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from headwater.artifacts.artifact_store import (
        ArtifactStore,
        SavedArtifact,
        SavedVisualization,
    )
    from headwater.artifacts.materializers.base import Materializer
    from headwater.artifacts.materializers.cloudpickle_fallback import PickleFallbackWarning
    from headwater.artifacts.materializers.registry import (
        find_materializer,
        register_materializer,
    )

_EXPORTS = {
    "ArtifactStore": "headwater.artifacts.artifact_store",
    "Materializer": "headwater.artifacts.materializers.base",
    "PickleFallbackWarning": "headwater.artifacts.materializers.cloudpickle_fallback",
    "SavedArtifact": "headwater.artifacts.artifact_store",
    "SavedVisualization": "headwater.artifacts.visualization",
    "find_materializer": "headwater.artifacts.materializers.registry",
    "register_materializer": "headwater.artifacts.materializers.registry",
}

__all__ = [
    "ArtifactStore",
    "Materializer",
    "PickleFallbackWarning",
    "SavedArtifact",
    "SavedVisualization",
    "find_materializer",
    "register_materializer",
]


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'headwater.artifacts' has no attribute '{name}'")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
