"""Who may do what where: projects' members, teams, custom roles and the audit trail.

These are the server's records (the SQL store keeps them; see `AccessStore`), read by
the server to decide each request and by the Client and CLI to manage them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from headwater.errors import DefinitionError
from headwater.store.logins import ServerRole
from headwater.store.permissions import BUILT_IN_ROLES, parse_permissions

_NAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PrincipalKind(StrEnum):
    """Who a project role is granted to."""

    USER = "user"
    TEAM = "team"


class ProjectCreate(_Frozen):
    """A new project, and the user who becomes its admin (None: nobody yet)."""

    name: str = Field(min_length=1, max_length=255, pattern=_NAME)
    admin_user_id: uuid.UUID | None = None


class ProjectMember(_Frozen):
    """A role held by a user or a team in a project."""

    project_id: uuid.UUID
    project_name: str
    kind: PrincipalKind
    principal_id: uuid.UUID
    principal_name: str
    role: str
    created: dt.datetime


class Grant(_Frozen):
    """Give a user or team (by name or id) a project role, replacing any role it held."""

    kind: PrincipalKind = PrincipalKind.USER
    name: str = Field(min_length=1, max_length=255)
    role: str = Field(min_length=1, max_length=255)


class Team(_Frozen):
    """A named group of users; a role granted to it holds for each member."""

    id: uuid.UUID
    name: str
    created: dt.datetime
    members: tuple[str, ...] = ()


class TeamCreate(_Frozen):
    """A new team and (optionally) its first members, by user name."""

    name: str = Field(min_length=1, max_length=255, pattern=_NAME)
    members: tuple[str, ...] = ()


class Role(_Frozen):
    """A project role: built in (admin, developer, contributor, viewer) or custom."""

    name: str
    permissions: tuple[str, ...]
    is_built_in: bool


class RoleCreate(_Frozen):
    """A custom role: a name and the permissions (`resource:action`) it grants."""

    name: str = Field(min_length=1, max_length=255, pattern=_NAME)
    permissions: tuple[str, ...] = Field(min_length=1)

    @field_validator("name")
    @classmethod
    def _not_built_in(cls, name: str) -> str:
        if name in BUILT_IN_ROLES:
            raise ValueError(f"'{name}' is a built-in role; choose another name")
        return name

    @field_validator("permissions")
    @classmethod
    def _known_permissions(cls, permissions: tuple[str, ...]) -> tuple[str, ...]:
        return known_permissions(permissions)


class RolePermissionsChange(_Frozen):
    """The permissions (`resource:action`) a custom role grants from now on."""

    permissions: tuple[str, ...] = Field(min_length=1)

    @field_validator("permissions")
    @classmethod
    def _known_permissions(cls, permissions: tuple[str, ...]) -> tuple[str, ...]:
        return known_permissions(permissions)


def known_permissions(permissions: tuple[str, ...]) -> tuple[str, ...]:
    """The permission texts sorted, once each is known to name a resource and action."""
    try:
        parsed = parse_permissions(permissions)
    except DefinitionError as exc:
        raise ValueError(str(exc)) from exc
    return tuple(sorted(str(p) for p in parsed))


class AuditEventCreate(_Frozen):
    """One successful change made through the API."""

    user_id: uuid.UUID | None
    user_name: str
    action: str
    resource: str
    resource_id: str | None
    project_id: uuid.UUID | None
    operation: str
    # The changed entity's name when the change was made (None: it has none, or the
    # event predates names being kept): what the trail shows instead of an id.
    resource_name: str | None = None


class AuditEvent(AuditEventCreate):
    """A recorded change, numbered in the order it happened."""

    id: int
    created: dt.datetime


class GrantSource(StrEnum):
    """How a user holds a role."""

    SERVER_ROLE = "server_role"
    DIRECT = "direct"
    TEAM = "team"
    DEFAULT_PROJECT = "default_project"


class AccessGrant(_Frozen):
    """One role a user holds that grants the permission asked about."""

    source: GrantSource
    role: str
    is_custom_role: bool = False
    # The team the role was granted to (source "team").
    team: str | None = None
    # The project it holds in (None: the server itself).
    project: str | None = None


class AccessExplanation(_Frozen):
    """Whether a user may do something, and every grant that allows it."""

    user: str
    server_role: ServerRole
    permission: str
    # "server" for permissions outside projects, else the project's name.
    scope: str
    project_id: uuid.UUID | None
    allowed: bool
    grants: list[AccessGrant]
    # One sentence for people: who may, through what; or that nothing grants it.
    summary: str
