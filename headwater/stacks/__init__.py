"""Stacks: the components a run executes on, and the flavors that describe them.

The store keeps components as records (a flavor name and settings); this package knows
what flavors exist, checks settings against them, picks the active stack and turns it
into the orchestrator and artifact store a run uses.
"""

from __future__ import annotations

from headwater.stacks.builtin_flavors import (
    ArtifactStoreFlavor,
    FsspecArtifactStoreFlavor,
    FsspecArtifactStoreSettings,
    LocalOrchestratorFlavor,
    OrchestratorFlavor,
)
from headwater.stacks.flavor_registry import get_flavor, list_flavors, register_flavor
from headwater.stacks.flavors import Flavor, FlavorDescription, FlavorSettings
from headwater.store.stack_models import SECRET_MASK, StackComponentType

__all__ = [
    "SECRET_MASK",
    "ArtifactStoreFlavor",
    "Flavor",
    "FlavorDescription",
    "FlavorSettings",
    "FsspecArtifactStoreFlavor",
    "FsspecArtifactStoreSettings",
    "LocalOrchestratorFlavor",
    "OrchestratorFlavor",
    "StackComponentType",
    "get_flavor",
    "list_flavors",
    "register_flavor",
]
