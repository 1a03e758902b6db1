"""What the caller of a request may do: their permissions per project, checked per route.

In local mode (`headwater up` without `--auth`) every request is the default user's and
nothing is checked. In server mode `authorize` runs before every route: it looks up the
operation's `Requirement` (`route_permissions.py`), finds the project of the entity the
request names, and compares with the caller's permissions there: the roles granted to
them and their teams, plus what their server role implies (`store/permissions.py`).
Server admins may do everything. Lists are filtered with `Caller.scope`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from headwater.errors import ApiError, EntityNotFoundError
from headwater.server.dependencies import ServerState, current_state
from headwater.server.identity import current_login, worker_run_id
from headwater.server.route_permissions import ROUTE_PERMISSIONS, Requirement, Scope
from headwater.server.run_tokens import check_worker_target
from headwater.server.scopes import (
    InPath,
    Locator,
    Where,
    body_reference,
    find_model_version_project,
    find_project_id,
)
from headwater.store.access_store import AccessStore
from headwater.store.filters import ListQuery
from headwater.store.logins import ServerRole, UserLogin
from headwater.store.permissions import (
    BUILT_IN_ROLES,
    DEFAULT_PROJECT,
    DEFAULT_PROJECT_ROLES,
    SERVER_PERMISSIONS,
    Action,
    Permission,
    Resource,
    parse_permissions,
)
from headwater.store.stack_models import SECRET_MASK

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_WRITERS = frozenset({ServerRole.MEMBER, ServerRole.ADMIN})
_EVERYTHING = SERVER_PERMISSIONS[ServerRole.ADMIN]
_READ = Action.READ


@dataclass(frozen=True)
class Caller:
    """The user of a request and what they may do where (login None: local mode)."""

    login: UserLogin | None
    by_project: Mapping[uuid.UUID, frozenset[Permission]] = field(default_factory=dict)
    default_project_id: uuid.UUID | None = None

    @property
    def is_unrestricted(self) -> bool:
        """True in local mode and for server admins."""
        return self.login is None or self.login.role is ServerRole.ADMIN

    def permissions_in(self, project_id: uuid.UUID | None) -> frozenset[Permission]:
        """Everything the caller may do in a project (None: the default project, unmade)."""
        if self.is_unrestricted:
            return _EVERYTHING
        assert self.login is not None
        held = self.by_project.get(project_id, frozenset()) if project_id else frozenset()
        if project_id is None or project_id == self.default_project_id:
            held = held | BUILT_IN_ROLES[DEFAULT_PROJECT_ROLES[self.login.role]]
        return held

    def may_on_server(self, permission: Permission) -> bool:
        """Whether the caller's server role grants a permission outside projects."""
        return self.login is None or permission in SERVER_PERMISSIONS[self.login.role]

    def readable_projects(self, resource: Resource) -> tuple[uuid.UUID, ...] | None:
        """The projects whose `resource`s the caller may read (None: all of them)."""
        if self.is_unrestricted:
            return None
        candidates = set(self.by_project)
        if self.default_project_id is not None:
            candidates.add(self.default_project_id)
        needed = Permission(resource, _READ)
        return tuple(sorted(p for p in candidates if needed in self.permissions_in(p)))

    def scope(self, query: ListQuery, resource: Resource) -> ListQuery:
        """`query` limited to the projects whose `resource`s the caller may read."""
        projects = self.readable_projects(resource)
        return query if projects is None else query.model_copy(update={"project_ids": projects})

    def may_read(self, resource: Resource, project_id: uuid.UUID) -> bool:
        """Whether the caller may read `resource`s of that project."""
        return Permission(resource, _READ) in self.permissions_in(project_id)


@dataclass
class Decision:
    """What `authorize` found: kept on `request.state.access` for the route and the audit."""

    caller: Caller
    requirement: Requirement | None
    project_id: uuid.UUID | None = None
    entity_ref: str | None = None


async def authorize(request: Request) -> None:
    """Let the request through if its caller may do what its operation needs.

    Raises:
        ApiError: 401 without a valid login; 404 when the entity is in a project the
            caller cannot see; 403 when the caller sees it but lacks the permission.
    """
    state = current_state(request)
    route = request.scope.get("route")
    requirement = ROUTE_PERMISSIONS.get(str(getattr(route, "operation_id", "")))
    # Both touch the store: off the event loop in one hop, like the route itself.
    caller = await run_in_threadpool(lambda: load_caller(state, current_login(request)))
    decision = Decision(caller=caller, requirement=requirement)
    request.state.access = decision
    if requirement is None:
        _check_server_role(request, caller.login)
        return
    await _check(request, state, decision, requirement)


def authorize_admin(request: Request) -> None:
    """Let the request through only if its user is an admin (in server mode)."""
    login = current_login(request)
    if login is None or login.role == ServerRole.ADMIN or request.method in READ_METHODS:
        return
    raise _forbidden(login, f"{request.method} {request.url.path}", "admin")


def require_secret_write(request: Request, secrets: Mapping[str, str] | None) -> None:
    """Let a component's secrets change only under `secret:update` in its project.

    `component:update` (which developers hold) renames a component or changes its
    settings; a secret sent back masked (`****`) changes nothing and needs no more.

    Raises:
        ApiError: 403 when a secret would change and the caller lacks `secret:update`.
    """
    if not secrets or all(value == SECRET_MASK for value in secrets.values()):
        return
    decision: Decision | None = getattr(request.state, "access", None)
    if decision is None or decision.caller.is_unrestricted:
        return
    needed = Permission(Resource.SECRET, Action.UPDATE)
    if needed not in decision.caller.permissions_in(decision.project_id):
        raise _denied(decision.caller, needed, "the project of this component")


def current_caller(request: Request) -> Caller:
    """The caller `authorize` loaded for this request (local mode: everything allowed)."""
    decision: Decision | None = getattr(request.state, "access", None)
    return Caller(login=None) if decision is None else decision.caller


CallerDep = Annotated[Caller, Depends(current_caller)]


def load_caller(state: ServerState, login: UserLogin | None) -> Caller:
    """The caller's permissions per project, read from the store."""
    store = state.session.store
    if login is None or login.role is ServerRole.ADMIN or not isinstance(store, AccessStore):
        return Caller(login=login)
    roles = store.project_roles_of(login.user_id)
    custom_names = {r for held in roles.values() for r in held if r not in BUILT_IN_ROLES}
    custom = store.custom_role_permissions(custom_names) if custom_names else {}
    by_project = {
        project_id: frozenset().union(
            *(BUILT_IN_ROLES.get(r) or parse_permissions(custom.get(r, [])) for r in held)
        )
        for project_id, held in roles.items()
    }
    return Caller(login=login, by_project=by_project, default_project_id=_default_id(store))


def _default_id(store: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(store.get_project(DEFAULT_PROJECT).id))
    except EntityNotFoundError:  # the default project is made by the first run
        return None


async def _check(
    request: Request, state: ServerState, decision: Decision, requirement: Requirement
) -> None:
    caller, needed, where = decision.caller, requirement.permission, requirement.where
    if where is Scope.OPEN or where is Scope.LISTED:
        return
    if where is Scope.SERVER:
        if not caller.may_on_server(needed):
            raise _denied(caller, needed, "this server")
        return
    if where is Scope.ANY_PROJECT:
        if caller.is_unrestricted or any(needed in p for p in caller.by_project.values()):
            return
        if needed in caller.permissions_in(caller.default_project_id):
            return
        raise _denied(caller, needed, "any project")
    await _check_entity(request, state, decision, where)


async def _check_entity(
    request: Request, state: ServerState, decision: Decision, where: Where
) -> None:
    assert decision.requirement is not None
    needed = decision.requirement.permission
    store = state.session.store
    if isinstance(where, InPath):
        reference: tuple[Locator, str] | None = None
        raw = request.path_params.get(where.parameter)
        if raw is not None:
            reference = (where.locator, str(raw))
    else:
        reference = body_reference(await _json_body(request), where)
    if reference is None:
        return  # nothing named: the route's own validation answers
    worker_run = worker_run_id(request)
    if worker_run is not None:
        await run_in_threadpool(check_worker_target, request, store, reference, worker_run)
    if decision.caller.is_unrestricted and request.method in READ_METHODS:
        return  # nothing to check, and reads are not audited: skip the lookup
    locator, ref = reference
    decision.entity_ref = ref
    if locator is Locator.MODEL_VERSION:
        model = request.query_params.get("model")
        project_id = await run_in_threadpool(find_model_version_project, store, model, ref)
    else:
        project_id = await run_in_threadpool(find_project_id, store, locator, ref)
    decision.project_id = project_id
    caller = decision.caller
    if caller.is_unrestricted:
        return
    if project_id is None:
        if locator is Locator.PROJECT and ref == DEFAULT_PROJECT:
            held = caller.permissions_in(None)  # the first run makes the default project
        else:
            raise invisible(locator, ref)
    else:
        held = caller.permissions_in(project_id)
    if needed in held:
        return
    if not held:
        raise invisible(locator, ref)
    if locator is Locator.PROJECT:
        raise _denied(caller, needed, f"project '{ref}'")
    raise _denied(caller, needed, f"the project of {locator.value.replace('_', ' ')} '{ref}'")


async def _json_body(request: Request) -> Any:
    try:
        return await request.json()
    except ValueError:
        return None


def _check_server_role(request: Request, login: UserLogin | None) -> None:
    """The fallback for operations missing from the table: viewers read, members write."""
    if login is None or request.method in READ_METHODS or login.role in _WRITERS:
        return
    raise _forbidden(login, f"{request.method} {request.url.path}", "member or admin")


def invisible(locator: Locator, ref: str) -> ApiError:
    """The 404 for an entity the caller may not read: the same as for one that does not
    exist, so nothing leaks."""
    name = locator.value.replace("_", " ")
    return ApiError(
        404,
        "not_found",
        f"No {name} '{ref}' that you can see. Check the name or id, or ask a project "
        f"admin for a role in its project (`headwater projects grant`).",
    )


def _denied(caller: Caller, needed: Permission, where: str) -> ApiError:
    login = caller.login
    assert login is not None
    return ApiError(
        403,
        "forbidden",
        f"User '{login.name}' may not '{needed}' in {where}: none of their roles there "
        f"grants it. Ask a project admin for a role that does (`headwater projects grant`).",
        details={"needs": str(needed), "server_role": login.role.value},
    )


def _forbidden(login: UserLogin, action: str, needed: str) -> ApiError:
    return ApiError(
        403,
        "forbidden",
        f"User '{login.name}' has the role '{login.role}', which may not {action}: it needs "
        f"{needed}. Ask an admin to change your role.",
        details={"role": login.role.value, "needs": needed},
    )
