"""The flavors Headwater ships: the `local` orchestrator, the `fsspec` artifact store and
the `webhook` alerter, and the base classes a new orchestrator or artifact store flavor
extends (alerters: `alerters.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

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

        A flavor whose settings name a service connector (a `connector` setting) also
        takes `storage_options`: the connector's credentials as fsspec's options.

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
    connector: str | None = Field(
        default=None,
        min_length=1,
        description=(
            "The name of a service connector whose credentials open the location "
            "(`headwater connector list`). Unset: fsspec's own (environment, files)."
        ),
    )

    @model_serializer(mode="wrap")
    def _without_unset_connector(self, dump: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # A store without a connector keeps the settings it had before connectors existed.
        dumped: dict[str, Any] = dump(self)
        if dumped.get("connector") is None:
            dumped.pop("connector", None)
        return dumped


class FsspecArtifactStoreFlavor(ArtifactStoreFlavor):
    """Artifacts in a local folder or at any fsspec URL."""

    name = "fsspec"
    description = "Keeps artifacts in a local folder or at any fsspec URL (s3://, gs://, ...)."
    settings_class = FsspecArtifactStoreSettings

    @classmethod
    def create_artifact_store(
        cls,
        settings: Any,
        *,
        default_url: str,
        storage_options: dict[str, Any] | None = None,
    ) -> ArtifactStore:
        """An `ArtifactStore` at `settings.path`, or at `default_url` when it is unset,
        opened with `storage_options` (its connector's credentials) when given."""
        from headwater.artifacts.artifact_store import ArtifactStore

        chosen: BaseModel = settings
        path = getattr(chosen, "path", None)
        return ArtifactStore(path or default_url, storage_options=storage_options)


BUILTIN_FLAVORS: tuple[type[Flavor], ...] = (
    LocalOrchestratorFlavor,
    FsspecArtifactStoreFlavor,
    WebhookAlerterFlavor,
)
