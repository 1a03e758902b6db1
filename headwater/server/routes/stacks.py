"""`/stack-components` and `/stacks`: register, compose, read, change and delete them."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status

from headwater.server.access import CallerDep, require_secret_write
from headwater.server.dependencies import ServerState, SessionDep, StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.listing import StackComponentListParams, StackListParams
from headwater.server.schemas import PageOf
from headwater.stacks.checks import checked_create, checked_update
from headwater.stacks.runtime import planned_artifact_store
from headwater.store.permissions import Resource
from headwater.store.stack_models import (
    RunStack,
    Stack,
    StackComponent,
    StackComponentCreate,
    StackComponentType,
    StackComponentUpdate,
    StackCreate,
    StackUpdate,
)

router = APIRouter(tags=["stacks"], responses=ERROR_RESPONSES)
_NO_CONTENT = status.HTTP_204_NO_CONTENT


class StackComponentPage(PageOf[StackComponent]):
    """A page of stack components."""


class StackPage(PageOf[Stack]):
    """A page of stacks."""


@router.post(
    "/stack-components", operation_id="create_stack_component", status_code=status.HTTP_201_CREATED
)
def create_stack_component(
    component: StackComponentCreate, session: SessionDep, state: StateDep
) -> StackComponent:
    """Register a stack component; its secrets are stored apart and come back masked.

    Its settings are checked against its flavor's schema (`GET /flavors`). On a team
    server a local artifact store must lie under the server's artifact roots.
    """
    checked = checked_create(component)
    values = {**checked.settings, **checked.secrets}
    _check_artifact_root(state, checked.type, checked.flavor, values, name=checked.name)
    return session.store.create_stack_component(checked)


@router.get("/stack-components", operation_id="list_stack_components")
def list_stack_components(
    session: SessionDep, caller: CallerDep, params: Annotated[StackComponentListParams, Query()]
) -> StackComponentPage:
    """List stack components, filtered and sorted."""
    query = caller.scope(params.to_query(), Resource.COMPONENT)
    page: StackComponentPage = StackComponentPage.of(session.store.list_stack_components(query))
    return page


@router.get("/stack-components/{component_id}", operation_id="get_stack_component")
def get_stack_component(
    component_id: str, session: SessionDep, type: StackComponentType | None = None
) -> StackComponent:
    """Get a component by id, or by name (and `type` when names repeat across types)."""
    return session.store.get_stack_component(component_id, type)


@router.patch("/stack-components/{component_id}", operation_id="update_stack_component")
def update_stack_component(
    component_id: uuid.UUID,
    update: StackComponentUpdate,
    session: SessionDep,
    state: StateDep,
    request: Request,
) -> StackComponent:
    """Rename a component or replace its settings or secrets (each given whole).

    The result is checked against the flavor's schema; a secret sent back as `****`
    keeps its value. Changing a secret needs `secret:update` besides `component:update`.
    """
    require_secret_write(request, update.secrets)
    checked = checked_update(session.store, component_id, update)
    if checked.settings is not None:
        current = session.store.get_stack_component(component_id)
        values = {**checked.settings, **(checked.secrets or {})}
        name = checked.name or current.name
        _check_artifact_root(state, current.type, current.flavor, values, name=name)
    return session.store.update_stack_component(component_id, checked)


@router.delete(
    "/stack-components/{component_id}",
    operation_id="delete_stack_component",
    status_code=_NO_CONTENT,
)
def delete_stack_component(component_id: uuid.UUID, session: SessionDep) -> Response:
    """Delete a component that no stack uses."""
    session.store.delete_stack_component(component_id)
    return Response(status_code=_NO_CONTENT)


@router.get("/stack-components/{component_id}/secrets", operation_id="get_stack_component_secrets")
def get_stack_component_secrets(component_id: uuid.UUID, session: SessionDep) -> dict[str, str]:
    """A component's secrets in clear, for building it to run a pipeline."""
    return session.store.get_stack_component_secrets(component_id)


@router.post("/stacks", operation_id="create_stack", status_code=status.HTTP_201_CREATED)
def create_stack(stack: StackCreate, session: SessionDep) -> Stack:
    """Compose a stack from component ids, one per type."""
    return session.store.create_stack(stack)


@router.get("/stacks", operation_id="list_stacks")
def list_stacks(
    session: SessionDep, caller: CallerDep, params: Annotated[StackListParams, Query()]
) -> StackPage:
    """List stacks, filtered and sorted."""
    query = caller.scope(params.to_query(), Resource.STACK)
    page: StackPage = StackPage.of(session.store.list_stacks(query))
    return page


@router.get("/stacks/{stack_id}", operation_id="get_stack")
def get_stack(stack_id: str, session: SessionDep) -> Stack:
    """Get a stack with its components, by id or name."""
    return session.store.get_stack(stack_id)


@router.patch("/stacks/{stack_id}", operation_id="update_stack")
def update_stack(stack_id: uuid.UUID, update: StackUpdate, session: SessionDep) -> Stack:
    """Rename a stack or change its components."""
    return session.store.update_stack(stack_id, update)


@router.delete("/stacks/{stack_id}", operation_id="delete_stack", status_code=_NO_CONTENT)
def delete_stack(stack_id: uuid.UUID, session: SessionDep) -> Response:
    """Delete a stack; its components stay, and its runs keep their copy of it."""
    session.store.delete_stack(stack_id)
    return Response(status_code=_NO_CONTENT)


@router.get("/runs/{run_id}/stack", operation_id="get_run_stack")
def get_run_stack(run_id: str, session: SessionDep) -> RunStack | None:
    """The stack a run executed on, as it was then (null for runs without one)."""
    run = session.store.get_run(run_id)
    return session.store.get_run_stack(run.id)


def _check_artifact_root(
    state: ServerState,
    component_type: StackComponentType,
    flavor: str,
    values: dict[str, Any],
    *,
    name: str,
) -> None:
    """On a team server, refuse a local artifact store outside the server's roots."""
    if state.artifact_roots is None:
        return
    default_url = state.session.settings.artifact_store_url
    planned = planned_artifact_store(
        component_type, flavor, values, name=name, default_url=default_url
    )
    if planned is not None:
        state.artifact_roots.check(planned, name=name)
