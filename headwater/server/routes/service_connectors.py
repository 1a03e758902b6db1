"""`/service-connectors` and `/service-connector-types`: named credentials components use,
and the verification of a connector or an artifact store from the server."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from headwater.errors import ApiError
from headwater.server.access import Caller, CallerDep
from headwater.server.dependencies import SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import author_name
from headwater.server.listing import ServiceConnectorListParams
from headwater.server.schemas import PageOf
from headwater.stacks.connector_settings import (
    checked_connector_create,
    checked_connector_update,
)
from headwater.stacks.connector_types import CONNECTOR_TYPES, ConnectorTypeDescription
from headwater.stacks.verification import verify_artifact_store, verify_connector_locations
from headwater.store.connector_models import (
    ServiceConnector,
    ServiceConnectorCreate,
    ServiceConnectorUpdate,
    Verification,
)
from headwater.store.permissions import Action, Permission, Resource

if TYPE_CHECKING:
    from headwater.session import Session
    from headwater.store.base import Store

router = APIRouter(tags=["service connectors"], responses=ERROR_RESPONSES)
_NO_CONTENT = status.HTTP_204_NO_CONTENT


class ServiceConnectorPage(PageOf[ServiceConnector]):
    """A page of service connectors."""


class ConnectorVerifyRequest(BaseModel):
    """Where to verify a connector: a location it is for, such as `s3://bucket/prefix`."""

    model_config = ConfigDict(extra="forbid")

    # Unset: the locations of the artifact stores that use the connector.
    location: str | None = Field(default=None, min_length=1, max_length=2048)


@router.get("/service-connector-types", operation_id="list_service_connector_types")
def list_service_connector_types() -> list[ConnectorTypeDescription]:
    """List the service connector types, with their settings' JSON Schema."""
    return [ConnectorTypeDescription.of(kind) for kind in CONNECTOR_TYPES.values()]


@router.post(
    "/service-connectors",
    operation_id="create_service_connector",
    status_code=status.HTTP_201_CREATED,
)
def create_service_connector(
    connector: ServiceConnectorCreate, request: Request, session: SessionDep
) -> ServiceConnector:
    """Register a service connector; its secrets are stored apart and never answered.

    Its settings are checked against its type's schema (`GET /service-connector-types`).
    In server mode it is recorded as the logged-in user's.
    """
    checked = checked_connector_create(connector)
    authored = checked.model_copy(update={"user_name": author_name(request, connector.user_name)})
    return session.store.create_service_connector(authored)


@router.get("/service-connectors", operation_id="list_service_connectors")
def list_service_connectors(
    session: SessionDep, caller: CallerDep, params: Annotated[ServiceConnectorListParams, Query()]
) -> ServiceConnectorPage:
    """List service connectors, filtered and sorted."""
    query = caller.scope(params.to_query(), Resource.CONNECTOR)
    page: ServiceConnectorPage = ServiceConnectorPage.of(
        session.store.list_service_connectors(query)
    )
    return page


@router.get("/service-connectors/{connector_id}", operation_id="get_service_connector")
def get_service_connector(connector_id: str, session: SessionDep) -> ServiceConnector:
    """Get a service connector by id or name; each secret is only "set" or "not set"."""
    return session.store.get_service_connector(connector_id)


@router.patch("/service-connectors/{connector_id}", operation_id="update_service_connector")
def update_service_connector(
    connector_id: uuid.UUID,
    update: ServiceConnectorUpdate,
    request: Request,
    session: SessionDep,
    caller: CallerDep,
) -> ServiceConnector:
    """Replace a connector's settings or secrets (each given whole).

    The result is checked against the type's schema; a secret sent back as `****` keeps
    its value. Changing a secret's value needs `secret:update`.
    """
    checked = checked_connector_update(session.store, connector_id, update)
    _check_secret_change(session.store, caller, connector_id, checked)
    authored = checked.model_copy(update={"user_name": author_name(request, update.user_name)})
    return session.store.update_service_connector(connector_id, authored)


@router.delete(
    "/service-connectors/{connector_id}",
    operation_id="delete_service_connector",
    status_code=_NO_CONTENT,
)
def delete_service_connector(connector_id: uuid.UUID, session: SessionDep) -> Response:
    """Delete a connector that no component names (409 names those that do)."""
    session.store.delete_service_connector(connector_id)
    return Response(status_code=_NO_CONTENT)


@router.get(
    "/service-connectors/{connector_id}/secrets",
    operation_id="get_service_connector_secrets",
)
def get_service_connector_secrets(connector_id: uuid.UUID, session: SessionDep) -> dict[str, str]:
    """A connector's set secrets in clear, for opening an artifact store to run a pipeline."""
    return session.store.get_service_connector_secrets(connector_id)


@router.post("/service-connectors/{connector_id}/verify", operation_id="verify_service_connector")
def verify_service_connector(
    connector_id: str, session: SessionDep, request_body: ConnectorVerifyRequest | None = None
) -> list[Verification]:
    """Verify, from the server, that the connector can write, read back and delete a probe
    object under a location: the one given, or each artifact store's that uses it.

    Every failure is an answer (`ok: false`, with the step and kind that failed).
    """
    connector = session.store.get_service_connector(connector_id)
    return verify_connector_locations(
        session.store,
        connector,
        location=request_body.location if request_body is not None else None,
        default_url=_default_artifact_url(session),
    )


@router.post("/stack-components/{component_id}/verify", operation_id="verify_stack_component")
def verify_stack_component(component_id: str, session: SessionDep) -> Verification:
    """Verify, from the server, that an artifact store's location is reachable and
    writable with its connector: write, read back and delete a probe object."""
    component = session.store.get_stack_component(component_id)
    return verify_artifact_store(
        session.store, component, default_url=_default_artifact_url(session)
    )


def _default_artifact_url(session: Session) -> str:
    return session.default_artifact_store_url or session.settings.artifact_store_url


def _check_secret_change(
    store: Store, caller: Caller, connector_id: uuid.UUID, update: ServiceConnectorUpdate
) -> None:
    """Refuse a change to a secret's value from a caller without `secret:update`."""
    if update.secrets is None:
        return
    current = store.get_service_connector(connector_id)
    needed = Permission(Resource.SECRET, Action.UPDATE)
    if needed in caller.permissions_in(current.project_id):
        return
    stored = store.get_service_connector_secrets(connector_id)
    if {k: v for k, v in update.secrets.items() if v is not None} == stored:
        return
    raise ApiError(
        403,
        "forbidden",
        f"Changing a secret of service connector '{current.name}' needs '{needed}' in its "
        f"project, which none of your roles there grants. Leave the secret fields empty "
        f"(or `****`) to keep their values, or ask a project admin.",
        details={"needs": str(needed)},
    )
