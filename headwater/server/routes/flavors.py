"""`/flavors`: the kinds of stack components and the JSON Schema of their settings, from
which the dashboard builds its component forms."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from headwater.server.errors import ERROR_RESPONSES
from headwater.stacks.flavor_registry import get_flavor, list_flavors
from headwater.stacks.flavors import FlavorDescription
from headwater.stacks.service import parse_component_type
from headwater.store.stack_models import StackComponentType

router = APIRouter(tags=["stacks"], responses=ERROR_RESPONSES)


@router.get("/flavors", operation_id="list_flavors")
def list_flavors_route(
    type: Annotated[StackComponentType | None, Query()] = None,  # ZenML's filter name
) -> list[FlavorDescription]:
    """List the flavors registered on the server, with their settings' JSON Schema."""
    return [FlavorDescription.of(flavor) for flavor in list_flavors(type)]


@router.get("/flavors/{component_type}/{name}", operation_id="get_flavor")
def get_flavor_route(component_type: str, name: str) -> FlavorDescription:
    """One flavor of a component type, with its settings' JSON Schema."""
    return FlavorDescription.of(get_flavor(parse_component_type(component_type), name))
