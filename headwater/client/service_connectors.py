"""The `Client`'s service connector methods: named credentials components use.

Example:
    ```python
    from headwater import Client

    client = Client()
    client.register_service_connector(
        "my-s3", "aws",
        configuration={"aws_access_key_id": "AKIA...", "aws_secret_access_key": "...",
                       "region": "eu-west-1"},
    )
    client.create_stack_component("s3-store", flavor="fsspec",
                                  component_type="artifact_store",
                                  configuration={"path": "s3://bucket/prefix",
                                                 "connector": "my-s3"})
    client.verify_service_connector("my-s3")   # from the server, when logged in to one
    ```

The stacks layer is imported inside the methods, so `from headwater import Client` stays
fast (benchmarks/core.py times it).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

from headwater.client.page import Page

if TYPE_CHECKING:
    from headwater.session import Session
    from headwater.stacks.connector_types import ConnectorTypeDescription
    from headwater.store.connector_models import (
        ServiceConnector,
        ServiceConnectorType,
        Verification,
    )
    from headwater.store.listings import ServiceConnectorFilters

NameOrId = str | uuid.UUID


class ServiceConnectorClientMixin:
    """Service connectors, their types and their verification; mixed into `Client`."""

    _session: Session

    def list_service_connector_types(self) -> list[ConnectorTypeDescription]:
        """Every connector type (`aws`, `gcp`, `azure`, `generic`) with its settings'
        JSON Schema and secret fields."""
        from headwater.stacks.connector_types import CONNECTOR_TYPES, ConnectorTypeDescription

        return [ConnectorTypeDescription.of(kind) for kind in CONNECTOR_TYPES.values()]

    def register_service_connector(
        self,
        name: str,
        connector_type: ServiceConnectorType | str,
        configuration: Mapping[str, Any] | None = None,
    ) -> ServiceConnector:
        """Register a connector; its configuration is checked against its type's schema.

        Args:
            name: The connector's name, which components give as `connector`.
            connector_type: `aws`, `gcp`, `azure` or `generic`.
            configuration: Its settings, secrets included (they are stored apart and
                never come back: the connector says only "set" or "not set").

        Raises:
            StackValidationError: the type is unknown or the settings are invalid (every
                problem listed).
            EntityExistsError: a connector already has the name.
        """
        from headwater.stacks.connector_settings import validate_connector_settings
        from headwater.stacks.connector_types import get_connector_type
        from headwater.store.connector_models import ServiceConnectorCreate

        kind = get_connector_type(connector_type)
        split = validate_connector_settings(kind, dict(configuration or {}), connector=name)
        return self._session.store.create_service_connector(
            ServiceConnectorCreate(
                name=name, type=kind.name, settings=split.plain, secrets=split.secrets
            )
        )

    def list_service_connectors(
        self,
        *,
        sort_by: str = "asc:name",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[ServiceConnectorFilters],
    ) -> Page[ServiceConnector]:
        """List connectors; filters: id, name, type, created, updated, created_by.

        Raises:
            FilterError: a filter or sort key is malformed or names an unknown field.
        """
        from headwater.store.filters import ListQuery

        query = {k: str(v) for k, v in filters.items() if v is not None}
        result = self._session.store.list_service_connectors(
            ListQuery(filters=query, sort_by=sort_by, index=page, size=size)
        )
        return Page.of(result, lambda item: item)

    def get_service_connector(self, name_id_or_prefix: NameOrId) -> ServiceConnector:
        """Get a connector by name or id.

        Raises:
            EntityNotFoundError: no connector has that name or id.
        """
        return self._session.store.get_service_connector(name_id_or_prefix)

    def update_service_connector(
        self, name_id_or_prefix: NameOrId, configuration: Mapping[str, Any]
    ) -> ServiceConnector:
        """Change some of a connector's settings (the others stay).

        A setting updated to `None` is removed; a secret updated to `****` keeps its value.

        Raises:
            StackValidationError: the resulting settings do not fit the type.
        """
        from headwater.stacks.connector_settings import merged_values, validate_connector_settings
        from headwater.stacks.connector_types import get_connector_type
        from headwater.store.connector_models import ServiceConnectorUpdate

        store = self._session.store
        connector = store.get_service_connector(name_id_or_prefix)
        secrets = store.get_service_connector_secrets(connector.id)
        values = merged_values(connector, secrets, dict(configuration))
        kind = get_connector_type(connector.type)
        split = validate_connector_settings(kind, values, connector=connector.name)
        change = ServiceConnectorUpdate(settings=split.plain, secrets=split.secrets)
        return store.update_service_connector(connector.id, change)

    def delete_service_connector(self, name_id_or_prefix: NameOrId) -> None:
        """Delete a connector.

        Raises:
            EntityInUseError: components name it; the message lists them.
        """
        connector = self._session.store.get_service_connector(name_id_or_prefix)
        self._session.store.delete_service_connector(connector.id)

    def verify_service_connector(
        self, name_id_or_prefix: NameOrId, location: str | None = None
    ) -> list[Verification]:
        """Check that the connector can write, read back and delete a probe object under
        `location` (default: each artifact store that uses it). Against a server, the
        server checks, as it is the server's runs that must reach the location.

        Returns:
            One verification per location: `ok`, or the step and kind that failed.

        Raises:
            StackValidationError: no location is given and no artifact store uses it.
        """
        from headwater.stacks.verification import verify_connector_locations
        from headwater.store.base import ServerVerifier

        store = self._session.store
        connector = store.get_service_connector(name_id_or_prefix)
        if isinstance(store, ServerVerifier):
            return store.verify_service_connector(connector.id, location)
        return verify_connector_locations(
            store, connector, location=location, default_url=self._default_artifact_url()
        )

    def verify_artifact_store(self, name_id_or_prefix: NameOrId) -> Verification:
        """Check that an artifact store's location is reachable and writable with its
        connector (from the server, against a server).

        Raises:
            StackValidationError: the component is not an artifact store.
        """
        from headwater.stacks.verification import verify_artifact_store
        from headwater.store.base import ServerVerifier
        from headwater.store.stack_models import StackComponentType

        store = self._session.store
        component = store.get_stack_component(name_id_or_prefix, StackComponentType.ARTIFACT_STORE)
        if isinstance(store, ServerVerifier):
            return store.verify_stack_component(component.id)
        return verify_artifact_store(store, component, default_url=self._default_artifact_url())

    def _default_artifact_url(self) -> str:
        return self._session.default_artifact_store_url or self._session.settings.artifact_store_url
