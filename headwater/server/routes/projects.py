"""`/projects`: create and delete projects; grant, revoke and list their members' roles."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from pydantic import BaseModel, Field

from headwater.server.access import CallerDep
from headwater.server.dependencies import AccessStoreDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.store.access_models import Grant, PrincipalKind, ProjectCreate, ProjectMember
from headwater.store.models import Project

router = APIRouter(tags=["projects"], responses=ERROR_RESPONSES)
_NO_CONTENT = status.HTTP_204_NO_CONTENT


class ProjectNew(BaseModel):
    """A new project's name; its creator becomes its admin."""

    name: str = Field(min_length=1, max_length=255, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@router.post("/projects", operation_id="create_project", status_code=status.HTTP_201_CREATED)
def create_project(body: ProjectNew, store: AccessStoreDep, caller: CallerDep) -> Project:
    """Create a project; the user who creates it becomes its admin."""
    admin = None if caller.login is None else caller.login.user_id
    return store.create_project(ProjectCreate(name=body.name, admin_user_id=admin))


@router.delete("/projects/{project_id}", operation_id="delete_project", status_code=_NO_CONTENT)
def delete_project(project_id: str, store: AccessStoreDep) -> Response:
    """Delete an empty project (by name or id) with its members' roles."""
    store.delete_project(project_id)
    return Response(status_code=_NO_CONTENT)


@router.get("/projects/{project_id}/members", operation_id="list_project_members")
def list_project_members(project_id: str, store: AccessStoreDep) -> list[ProjectMember]:
    """The users and teams holding a role in a project."""
    return store.list_project_members(project_id)


@router.put("/projects/{project_id}/members", operation_id="grant_project_role")
def grant_project_role(project_id: str, grant: Grant, store: AccessStoreDep) -> ProjectMember:
    """Give a user or team a role (built-in or custom) in a project, replacing its role."""
    return store.grant_project_role(project_id, grant)


@router.delete(
    "/projects/{project_id}/members/{kind}/{name}",
    operation_id="revoke_project_role",
    status_code=_NO_CONTENT,
)
def revoke_project_role(
    project_id: str, kind: PrincipalKind, name: str, store: AccessStoreDep
) -> Response:
    """Take away the role a user or team holds in a project."""
    store.revoke_project_role(project_id, kind, name)
    return Response(status_code=_NO_CONTENT)
