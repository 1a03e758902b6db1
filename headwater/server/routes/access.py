"""`/access/...`: why a user may or may not do something, what they hold in a project,
and who holds which role where (the permission hierarchy)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from headwater.errors import ApiError, DefinitionError
from headwater.server.access import Caller, CallerDep
from headwater.server.dependencies import AccessStoreDep, SessionDep, StateDep
from headwater.server.directory import visible_directory
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import find_login
from headwater.server.permission_explainer import (
    effective_permissions,
    explain,
    is_server_permission,
)
from headwater.server.scopes import Locator, find_project_id
from headwater.store.access_models import AccessExplanation, ProjectMember
from headwater.store.access_store import AccessStore
from headwater.store.base import Store
from headwater.store.filters import ListQuery
from headwater.store.logins import UserLogin
from headwater.store.permissions import Permission, Resource

router = APIRouter(tags=["access"], responses=ERROR_RESPONSES)
SERVER = "server"


class EffectivePermissions(BaseModel):
    """Every permission a user holds in one project, sorted."""

    user: str
    project: str
    project_id: uuid.UUID
    permissions: list[str]


class ProjectAccess(BaseModel):
    """One project of the permission hierarchy, with the users and teams holding roles."""

    project_id: uuid.UUID
    project_name: str
    members: list[ProjectMember]


@router.get("/access/explain", operation_id="explain_access")
def explain_access(
    store: AccessStoreDep,
    session: SessionDep,
    state: StateDep,
    caller: CallerDep,
    user: Annotated[str, Query(min_length=1, max_length=255, description="user or account")],
    permission: Annotated[str, Query(min_length=3, max_length=64, examples=["run:delete"])],
    resource: Annotated[
        str,
        Query(
            min_length=1,
            max_length=300,
            description="'server', a project name, or kind:ref such as run:<id>",
        ),
    ] = SERVER,
) -> AccessExplanation:
    """Why a user may (or may not) do something: the grants that allow it, or none.

    Answers from the same tables the server enforces. `resource` is `server` for
    permissions outside projects (`user:create`), a project name, or an entity as
    `kind:ref` (`run:1f0c...`, `model:churn`), whose project is looked up.

    Raises:
        ApiError: 400 for a malformed permission or resource; 404 for a user or resource
            the caller cannot see.
    """
    needed = _permission(permission)
    subject = _visible_login(store, state, caller, user)
    project = None if resource == SERVER else _visible_project(session.store, caller, resource)
    if project is None and not is_server_permission(needed):
        raise ApiError(
            400,
            "bad_request",
            f"Permission '{needed}' holds inside a project, but the resource is 'server'. "
            f"Name a project or an entity, e.g. resource=project:default or run:<id>.",
        )
    return explain(store, subject, needed, project)


@router.get("/access/effective-permissions", operation_id="get_effective_permissions")
def get_effective_permissions(
    store: AccessStoreDep,
    session: SessionDep,
    state: StateDep,
    caller: CallerDep,
    user: Annotated[str, Query(min_length=1, max_length=255)],
    project: Annotated[str, Query(min_length=1, max_length=255)],
) -> EffectivePermissions:
    """Every permission a user holds in a project, as the access check computes it.

    Raises:
        ApiError: 404 for a user or project the caller cannot see.
    """
    subject = _visible_login(store, state, caller, user)
    project_id, name = _visible_project(session.store, caller, project)
    return EffectivePermissions(
        user=subject.name,
        project=name,
        project_id=project_id,
        permissions=effective_permissions(state, subject, project_id),
    )


@router.get("/access/hierarchy", operation_id="get_access_hierarchy")
def get_access_hierarchy(
    store: AccessStoreDep, session: SessionDep, caller: CallerDep
) -> list[ProjectAccess]:
    """The server's projects the caller may see members of, with who holds which role."""
    allowed = caller.readable_projects(Resource.MEMBER)
    query = ListQuery(sort_by="asc:name", size=10_000, project_ids=allowed)
    projects = session.store.list_projects(query).items
    return [
        ProjectAccess(
            project_id=p.id, project_name=p.name, members=store.list_project_members(p.id)
        )
        for p in projects
        if allowed is None or p.id in allowed
    ]


def _permission(text: str) -> Permission:
    try:
        return Permission.parse(text)
    except DefinitionError as exc:
        raise ApiError(400, "bad_request", str(exc)) from exc


def _visible_login(store: AccessStore, state: StateDep, caller: Caller, name: str) -> UserLogin:
    found = find_login(state, _as_id(name) or name)
    seen = visible_directory(store, caller)
    if found is None or (seen is not None and found.name not in seen.users):
        raise ApiError(
            404,
            "not_found",
            f"No user or service account '{name}' that can log in and that you can see. "
            f"Check the name (`headwater users list`).",
        )
    return found


def _visible_project(store: Store, caller: Caller, resource: str) -> tuple[uuid.UUID, str]:
    kind, _, ref = resource.partition(":")
    locator = Locator.PROJECT if not ref else _locator(kind, resource)
    reference = ref or kind
    project_id = find_project_id(store, locator, reference)
    # Like the access check: a project where the caller holds nothing does not exist.
    if project_id is None or not caller.permissions_in(project_id):
        raise ApiError(
            404,
            "not_found",
            f"No {locator.value.replace('_', ' ')} '{reference}' that you can see. Check "
            f"the name or id.",
        )
    return project_id, store.get_project(project_id).name


def _locator(kind: str, resource: str) -> Locator:
    try:
        return Locator(kind)
    except ValueError:
        raise ApiError(
            400,
            "bad_request",
            f"Resource '{resource}' names no known kind '{kind}'. Write 'server', a project "
            f"name, or kind:ref with kind one of: {', '.join(k.value for k in Locator)}.",
        ) from None


def _as_id(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
