"""The `ray` orchestrator flavor: registered by the package's `headwater.flavors` entry
point, so every process (CLI, server forms) knows it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from headwater.integrations.ray.settings import RayOrchestratorSettings
from headwater.stacks.builtin_flavors import OrchestratorFlavor

if TYPE_CHECKING:
    from headwater.runner.orchestrators.base import Orchestrator


class RayOrchestratorFlavor(OrchestratorFlavor):
    """Independent steps run at the same time as Ray tasks."""

    name = "ray"
    description = (
        "Runs independent steps at the same time as Ray tasks, on this machine or a Ray "
        "cluster (`headwater integration install ray`)."
    )
    settings_class = RayOrchestratorSettings

    @classmethod
    def create_orchestrator(cls, settings: Any) -> Orchestrator:
        """A `RayOrchestrator` with these settings (Ray is imported when a run starts)."""
        from headwater.integrations.ray.orchestrator import RayOrchestrator

        chosen: RayOrchestratorSettings = settings
        return RayOrchestrator(chosen)
