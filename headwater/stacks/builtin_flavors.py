"""The flavors Headwater ships: the `local` orchestrator, the `fsspec` artifact store and
the `webhook` alerter, and the base classes a new orchestrator or artifact store flavor
extends (alerters: `alerters.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from headwater.stacks.alerters import WebhookAlerterFlavor
from headwater.stacks.flavors import Flavor, FlavorSettings
from headwater.store.stack_models import StackComponentType

if TYPE_CHECKING:
    from headwater.artifacts.artifact_store import ArtifactStore
    from headwater.runner.orchestrators.base import Orchestrator


class OrchestratorFlavor(Flavor):
    """A flavor of orchestrator: builds the object that decides where steps run."""

    type = StackComponentType.ORCHESTRATOR

    @classmethod
    def create_orchestrator(cls, settings: Any) -> Orchestrator:
        """The orchestrator for validated `settings` (an instance of `settings_class`)."""
        raise NotImplementedError(f"Flavor '{cls.name}' does not build an orchestrator.")


class ArtifactStoreFlavor(Flavor):
    """A flavor of artifact store: builds the store a run saves its outputs into."""

    type = StackComponentType.ARTIFACT_STORE

    @classmethod
    def create_artifact_store(cls, settings: Any, *, default_url: str) -> ArtifactStore:
        """The artifact store for validated `settings`.

        Args:
            settings: An instance of `settings_class`, secrets included.
            default_url: Where artifacts go when the settings name no place:
                `$HEADWATER_ARTIFACT_STORE_URL`, or `$HEADWATER_HOME/artifacts`.
        """
        raise NotImplementedError(f"Flavor '{cls.name}' does not build an artifact store.")


class LocalOrchestratorFlavor(OrchestratorFlavor):
    """Steps run one after another in the process that started the run."""

    name = "local"
    description = "Runs the steps one after another in the process that started the run."
    settings_class = FlavorSettings

    @classmethod
    def create_orchestrator(cls, settings: Any) -> Orchestrator:
        """A `LocalOrchestrator`; it takes no settings."""
        from headwater.runner.orchestrators.local import LocalOrchestrator

        return LocalOrchestrator()


class FsspecArtifactStoreSettings(FlavorSettings):
    """Where an `fsspec` artifact store keeps artifacts and logs."""

    path: str | None = Field(
        default=None,
        min_length=1,
        description=(
            "A local folder or any fsspec URL, such as s3://bucket/prefix. Unset: "
            "$HEADWATER_ARTIFACT_STORE_URL, or $HEADWATER_HOME/artifacts."
        ),
    )


class FsspecArtifactStoreFlavor(ArtifactStoreFlavor):
    """Artifacts in a local folder or at any fsspec URL."""

    name = "fsspec"
    description = "Keeps artifacts in a local folder or at any fsspec URL (s3://, gs://, ...)."
    settings_class = FsspecArtifactStoreSettings

    @classmethod
    def create_artifact_store(cls, settings: Any, *, default_url: str) -> ArtifactStore:
        """An `ArtifactStore` at `settings.path`, or at `default_url` when it is unset."""
        from headwater.artifacts.artifact_store import ArtifactStore

        chosen: BaseModel = settings
        path = getattr(chosen, "path", None)
        return ArtifactStore(path or default_url)


BUILTIN_FLAVORS: tuple[type[Flavor], ...] = (
    LocalOrchestratorFlavor,
    FsspecArtifactStoreFlavor,
    WebhookAlerterFlavor,
)
