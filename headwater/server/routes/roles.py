"""`/roles`: the built-in project roles and custom ones (a name and a set of permissions)."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from pydantic import BaseModel

from headwater.server.access import CallerDep
from headwater.server.dependencies import AccessStoreDep, SessionDep
from headwater.server.directory import visible_directory, visible_roles
from headwater.server.errors import ERROR_RESPONSES
from headwater.store.access_models import (
    PrincipalKind,
    Role,
    RoleCreate,
    RolePermissionsChange,
)
from headwater.store.filters import ListQuery

router = APIRouter(tags=["roles"], responses=ERROR_RESPONSES)


class RoleReach(BaseModel):
    """Who holds a role, and where: what a change of its permissions reaches."""

    role: str
    users: list[str]
    teams: list[str]
    projects: list[str]


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


@router.put("/roles/{role_name}", operation_id="update_role")
def update_role(role_name: str, body: RolePermissionsChange, store: AccessStoreDep) -> Role:
    """Replace a custom role's permissions; every grant of it holds the new ones at once."""
    return store.update_role(role_name, body.permissions)


@router.get("/roles/{role_name}/reach", operation_id="get_role_reach")
def get_role_reach(role_name: str, store: AccessStoreDep, session: SessionDep) -> RoleReach:
    """The users and teams holding a role, and the projects they hold it in (by name).

    What the dashboard previews before a custom role's permissions change.
    """
    store.get_role(role_name)  # an unknown role answers 404, not an empty reach
    users: set[str] = set()
    teams: set[str] = set()
    projects: set[str] = set()
    for project in session.store.list_projects(ListQuery(sort_by="asc:name", size=10_000)).items:
        for member in store.list_project_members(project.id):
            if member.role != role_name:
                continue
            held = users if member.kind is PrincipalKind.USER else teams
            held.add(member.principal_name)
            projects.add(project.name)
    return RoleReach(
        role=role_name, users=sorted(users), teams=sorted(teams), projects=sorted(projects)
    )


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
