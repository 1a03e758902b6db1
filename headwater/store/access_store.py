"""The `AccessStore` protocol: projects, members, teams, custom roles and the audit trail.

Kept apart from `Store` because only a server (and the Client managing one) needs it;
the SQL store implements both, the REST store implements this one over the server's
`/projects`, `/teams`, `/roles` and `/audit-events` routes.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from headwater.store.access_models import (
        AccessExplanation,
        AuditEvent,
        AuditEventCreate,
        Grant,
        PrincipalKind,
        ProjectCreate,
        ProjectMember,
        Role,
        RoleCreate,
        Team,
        TeamCreate,
    )
    from headwater.store.filters import ListQuery
    from headwater.store.models import Page, Project


@runtime_checkable
class AccessStore(Protocol):
    """Who may do what in which project, and what they did."""

    # --- projects and members ---------------------------------------------------------

    def create_project(self, project: ProjectCreate) -> Project:
        """Create a project; its `admin_user_id`, if given, becomes its admin.

        Raises:
            EntityExistsError: a project has that name already.
        """
        ...

    def delete_project(self, name_or_id: uuid.UUID | str) -> None:
        """Delete a project with everything in it (runs, artifacts, models, stacks...).

        Raises:
            EntityNotFoundError: no project has that name or id.
            EntityInUseError: it is the "default" project, which always exists.
        """
        ...

    def grant_project_role(self, project: uuid.UUID | str, grant: Grant) -> ProjectMember:
        """Give a user or team a role in a project, replacing the role it held there.

        Raises:
            EntityNotFoundError: no such project, user, team or role.
        """
        ...

    def revoke_project_role(self, project: uuid.UUID | str, kind: PrincipalKind, name: str) -> None:
        """Take away the role a user or team holds in a project.

        Raises:
            EntityNotFoundError: no such project, or the user or team holds no role there.
        """
        ...

    def list_project_members(self, project: uuid.UUID | str) -> list[ProjectMember]:
        """The users and teams holding a role in a project, users first, by name."""
        ...

    def project_roles_of(self, user_id: uuid.UUID) -> dict[uuid.UUID, frozenset[str]]:
        """Project id -> the role names a user holds there, directly or through teams."""
        ...

    def custom_role_permissions(self, names: set[str]) -> dict[str, list[str]]:
        """The permission texts of the named custom roles (unknown names are left out)."""
        ...

    # --- teams ------------------------------------------------------------------------

    def create_team(self, team: TeamCreate) -> Team:
        """Create a team with its first members.

        Raises:
            EntityExistsError: a team has that name already.
            EntityNotFoundError: a member is not a user.
        """
        ...

    def get_team(self, name_or_id: uuid.UUID | str) -> Team:
        """A team with its members, by name or id."""
        ...

    def list_teams(self) -> list[Team]:
        """Every team with its members, by name."""
        ...

    def delete_team(self, name_or_id: uuid.UUID | str) -> None:
        """Delete a team; the roles it was granted go with it."""
        ...

    def add_team_member(self, team: uuid.UUID | str, user: str) -> Team:
        """Add a user (by name) to a team; adding a member twice changes nothing."""
        ...

    def remove_team_member(self, team: uuid.UUID | str, user: str) -> Team:
        """Remove a user from a team.

        Raises:
            EntityNotFoundError: no such team, or the user is not in it.
        """
        ...

    # --- roles ------------------------------------------------------------------------

    def create_role(self, role: RoleCreate) -> Role:
        """Create a custom role.

        Raises:
            EntityExistsError: a role has that name already.
        """
        ...

    def update_role(self, name: str, permissions: tuple[str, ...]) -> Role:
        """Replace a custom role's permissions (every grant of it holds the new ones).

        Raises:
            EntityInUseError: it is a built-in role.
            EntityNotFoundError: no custom role has that name.
        """
        ...

    def get_role(self, name: str) -> Role:
        """A built-in or custom role by name."""
        ...

    def list_roles(self) -> list[Role]:
        """The built-in roles, then the custom ones by name."""
        ...

    def delete_role(self, name: str) -> None:
        """Delete a custom role and every grant of it.

        Raises:
            EntityNotFoundError: no custom role has that name.
            EntityInUseError: it is a built-in role.
        """
        ...

    # --- audit ------------------------------------------------------------------------

    def record_audit_event(self, event: AuditEventCreate) -> None:
        """Add a change to the audit trail."""
        ...

    def list_audit_events(self, query: ListQuery) -> Page[AuditEvent]:
        """A page of the audit trail, newest first. Filterable: user, resource, action,
        resource_id, project_id, created (`gte:`/`lte:`). Honours `query.project_ids`."""
        ...


@runtime_checkable
class AccessExplainer(Protocol):
    """Why a user may do something, asked of a server (`GET /access/explain`).

    Only the REST store plays this role: the answer comes from the server's own access
    check, never from a second copy of its rules.
    """

    def explain_access(self, user: str, permission: str, resource: str) -> AccessExplanation:
        """The grants that let `user` do `permission` on `resource`, or none."""
        ...
