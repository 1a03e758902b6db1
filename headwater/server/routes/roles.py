"""`/roles`: the built-in project roles and custom ones (a name and a set of permissions)."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from headwater.server.access import CallerDep
from headwater.server.dependencies import AccessStoreDep
from headwater.server.directory import visible_directory, visible_roles
from headwater.server.errors import ERROR_RESPONSES
from headwater.store.access_models import Role, RoleCreate

router = APIRouter(tags=["roles"], responses=ERROR_RESPONSES)


@router.get("/roles", operation_id="list_roles")
def list_roles(store: AccessStoreDep, caller: CallerDep) -> list[Role]:
    """List the built-in roles, then the custom ones the caller may see.

    Server admins see every custom role; others those they hold and those granted in a
    project whose members they may read.
    """
    return visible_roles(store.list_roles(), visible_directory(store, caller))


@router.post("/roles", operation_id="create_role", status_code=status.HTTP_201_CREATED)
def create_role(role: RoleCreate, store: AccessStoreDep) -> Role:
    """Create a custom role from permissions such as `run:read` or `model_version:promote`."""
    return store.create_role(role)


@router.get("/roles/{role_name}", operation_id="get_role")
def get_role(role_name: str, store: AccessStoreDep) -> Role:
    """Get a role by name."""
    return store.get_role(role_name)


@router.delete(
    "/roles/{role_name}", operation_id="delete_role", status_code=status.HTTP_204_NO_CONTENT
)
def delete_role(role_name: str, store: AccessStoreDep) -> Response:
    """Delete a custom role and every grant of it."""
    store.delete_role(role_name)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
