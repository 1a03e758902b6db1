"""The service connector calls of `RestStore`."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING
from urllib.parse import quote

from headwater.store.connector_models import ServiceConnector, Verification
from headwater.store.rest.query import list_params, page_from
from headwater.store.rest.utc import parse_model

if TYPE_CHECKING:
    from headwater.store.connector_models import ServiceConnectorCreate, ServiceConnectorUpdate
    from headwater.store.filters import ListQuery
    from headwater.store.models import Page
    from headwater.store.rest.transport import Transport

_PATH = "/service-connectors"


class RestServiceConnectorMethods:
    """`Store`'s service connector methods, each one request."""

    _http: Transport

    def create_service_connector(self, connector: ServiceConnectorCreate) -> ServiceConnector:
        """See `ServiceConnectorStore.create_service_connector`."""
        body = self._http.call("POST", _PATH, body=connector.model_dump(mode="json"))
        return parse_model(ServiceConnector, body)

    def get_service_connector(self, name_or_id: uuid.UUID | str) -> ServiceConnector:
        """See `ServiceConnectorStore.get_service_connector`."""
        path = f"{_PATH}/{quote(str(name_or_id), safe='')}"
        return parse_model(ServiceConnector, self._http.call("GET", path))

    def list_service_connectors(self, query: ListQuery) -> Page[ServiceConnector]:
        """See `ServiceConnectorStore.list_service_connectors`."""
        body = self._http.call("GET", _PATH, params=list_params(query))
        return page_from(body, tuple(parse_model(ServiceConnector, i) for i in body["items"]))

    def update_service_connector(
        self, connector_id: uuid.UUID, update: ServiceConnectorUpdate
    ) -> ServiceConnector:
        """See `ServiceConnectorStore.update_service_connector`."""
        body = update.model_dump(mode="json", exclude_unset=True)
        found = self._http.call("PATCH", f"{_PATH}/{connector_id}", body=body)
        return parse_model(ServiceConnector, found)

    def delete_service_connector(self, connector_id: uuid.UUID) -> None:
        """See `ServiceConnectorStore.delete_service_connector`."""
        self._http.call("DELETE", f"{_PATH}/{connector_id}")

    def get_service_connector_secrets(self, connector_id: uuid.UUID) -> dict[str, str]:
        """See `ServiceConnectorStore.get_service_connector_secrets`."""
        body = self._http.call("GET", f"{_PATH}/{connector_id}/secrets")
        return {str(key): str(value) for key, value in body.items()}

    def verify_service_connector(
        self, connector_id: uuid.UUID, location: str | None
    ) -> list[Verification]:
        """See `ServerVerifier.verify_service_connector`."""
        body = None if location is None else {"location": location}
        found = self._http.call(
            "POST", f"{_PATH}/{connector_id}/verify", body=body, is_repeatable=True
        )
        return [parse_model(Verification, item) for item in found]

    def verify_stack_component(self, component_id: uuid.UUID) -> Verification:
        """See `ServerVerifier.verify_stack_component`."""
        path = f"/stack-components/{component_id}/verify"
        found = self._http.call("POST", path, is_repeatable=True)
        return parse_model(Verification, found)
