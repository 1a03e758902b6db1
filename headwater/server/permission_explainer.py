"""Why a user may (or may not) do something: the grants behind a permission.

Read from the very tables `access.authorize` enforces: the built-in roles and what each
server role implies (`store/permissions.py`), custom roles and the grants to users and
teams in the store. `allowed` is, by construction, what `Caller.permissions_in` answers
for the same user and project; a test holds the two together.
"""

from __future__ import annotations

import uuid

from headwater.server.access import load_caller
from headwater.server.dependencies import ServerState
from headwater.store.access_models import (
    AccessExplanation,
    AccessGrant,
    GrantSource,
    PrincipalKind,
    ProjectMember,
)
from headwater.store.access_store import AccessStore
from headwater.store.logins import ServerRole, UserLogin
from headwater.store.permissions import (
    BUILT_IN_ROLES,
    DEFAULT_PROJECT,
    DEFAULT_PROJECT_ROLES,
    SERVER_PERMISSIONS,
    SERVER_RESOURCES,
    Action,
    Permission,
    Resource,
    parse_permissions,
)


def is_server_permission(permission: Permission) -> bool:
    """Whether a permission holds on the server rather than in one project."""
    return permission.resource in SERVER_RESOURCES or permission == Permission(
        Resource.PROJECT, Action.CREATE
    )


def explain(
    store: AccessStore,
    login: UserLogin,
    permission: Permission,
    project: tuple[uuid.UUID, str] | None,
) -> AccessExplanation:
    """The grants that give `login` the `permission` in `project` (None: on the server).

    A server permission (`user:create`, `project:create`) is answered for the server
    whatever project is named, as the access check does.
    """
    if is_server_permission(permission):
        project = None
    grants = _server_grants(login, permission)
    if project is not None and login.role is not ServerRole.ADMIN:
        grants += _project_grants(store, login, permission, project)
    scope = "server" if project is None else project[1]
    return AccessExplanation(
        user=login.name,
        server_role=login.role,
        permission=str(permission),
        scope=scope,
        project_id=None if project is None else project[0],
        allowed=bool(grants),
        grants=grants,
        summary=_summary(login.name, permission, scope, grants),
    )


def effective_permissions(state: ServerState, login: UserLogin, project_id: uuid.UUID) -> list[str]:
    """Every permission a user holds in a project, as the access check computes it."""
    held = load_caller(state, login).permissions_in(project_id)
    return sorted(str(p) for p in held)


def _server_grants(login: UserLogin, permission: Permission) -> list[AccessGrant]:
    if login.role is ServerRole.ADMIN or (
        is_server_permission(permission) and permission in SERVER_PERMISSIONS[login.role]
    ):
        return [AccessGrant(source=GrantSource.SERVER_ROLE, role=login.role.value)]
    return []


def _project_grants(
    store: AccessStore,
    login: UserLogin,
    permission: Permission,
    project: tuple[uuid.UUID, str],
) -> list[AccessGrant]:
    project_id, name = project
    my_teams = {t.name for t in store.list_teams() if login.name in t.members}
    held = [
        m
        for m in store.list_project_members(project_id)
        if (m.kind is PrincipalKind.USER and m.principal_id == login.user_id)
        or (m.kind is PrincipalKind.TEAM and m.principal_name in my_teams)
    ]
    custom = {m.role for m in held if m.role not in BUILT_IN_ROLES}
    custom_permissions = store.custom_role_permissions(custom) if custom else {}
    grants = [
        _member_grant(m, name)
        for m in held
        if permission in _role_permissions(m.role, custom_permissions)
    ]
    default_role = DEFAULT_PROJECT_ROLES[login.role]
    if name == DEFAULT_PROJECT and permission in BUILT_IN_ROLES[default_role]:
        grants.append(
            AccessGrant(source=GrantSource.DEFAULT_PROJECT, role=default_role, project=name)
        )
    return grants


def _role_permissions(role: str, custom: dict[str, list[str]]) -> frozenset[Permission]:
    return BUILT_IN_ROLES.get(role) or parse_permissions(custom.get(role, []))


def _member_grant(member: ProjectMember, project: str) -> AccessGrant:
    is_team = member.kind is PrincipalKind.TEAM
    return AccessGrant(
        source=GrantSource.TEAM if is_team else GrantSource.DIRECT,
        role=member.role,
        is_custom_role=member.role not in BUILT_IN_ROLES,
        team=member.principal_name if is_team else None,
        project=project,
    )


def _summary(user: str, permission: Permission, scope: str, grants: list[AccessGrant]) -> str:
    where = "on this server" if scope == "server" else f"in project '{scope}'"
    if not grants:
        return (
            f"User '{user}' may not '{permission}' {where}: none of their roles grants it. "
            f"A project admin can grant a role that does (`headwater projects grant`)."
        )
    reasons = "; ".join(_reason(g) for g in grants)
    return f"User '{user}' may '{permission}' {where} through: {reasons}."


def _reason(grant: AccessGrant) -> str:
    kind = "custom role" if grant.is_custom_role else "role"
    match grant.source:
        case GrantSource.SERVER_ROLE:
            return f"server role '{grant.role}'"
        case GrantSource.DIRECT:
            return f"{kind} '{grant.role}' granted to them"
        case GrantSource.TEAM:
            return f"{kind} '{grant.role}' of team '{grant.team}'"
        case GrantSource.DEFAULT_PROJECT:
            return f"role '{grant.role}' everyone of their server role holds in 'default'"
