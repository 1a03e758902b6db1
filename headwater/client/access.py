"""The `Client`'s access methods: the active project, projects and their members, teams,
custom roles and the audit trail."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, TypeVar, Unpack

from headwater.client.page import Page
from headwater.errors import ConfigurationError, DefinitionError, EntityNotFoundError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from headwater.session import Session
    from headwater.store.access_models import (
        AccessExplanation,
        AuditEvent,
        ProjectMember,
        Role,
        Team,
    )
    from headwater.store.access_store import AccessStore
    from headwater.store.listings import AuditEventFilters
    from headwater.store.models import Project

NameOrId = str | uuid.UUID
ModelT = TypeVar("ModelT", bound="BaseModel")
# Matches no project: what lists of an active project that does not exist yet filter by.
_NO_PROJECT = "oneof:[]"


class AccessClientMixin:
    """Projects, members, teams, roles and the audit trail. Mixed into `Client`."""

    _session: Session

    # --- the active project -----------------------------------------------------------

    @property
    def active_project(self) -> str:
        """The project runs are recorded in and lists show (`HEADWATER_PROJECT`)."""
        return self._session.settings.project

    def set_active_project(self, name: str) -> Project:
        """Make an existing project the active one for this home (`headwater projects set`).

        Raises:
            EntityNotFoundError: no project (that you can see) has that name.
        """
        from headwater.config import save_project

        project = self._session.store.get_project(name)
        save_project(self._session.settings.home, project.name)
        return project

    def _active_project_filter(self, filters: dict[str, Any]) -> dict[str, Any]:
        """`filters` limited to the active project unless they name a project already."""
        if filters.get("project_id") is not None:
            return filters
        try:
            project_id = str(self._session.store.get_project(self.active_project).id)
        except EntityNotFoundError:
            project_id = _NO_PROJECT
        return {**filters, "project_id": project_id}

    # --- projects and members -----------------------------------------------------------

    def create_project(self, name: str) -> Project:
        """Create a project; on a server, you become its admin.

        Raises:
            EntityExistsError: a project has that name already.
        """
        from headwater.store.access_models import ProjectCreate

        return self._access_store().create_project(_valid(ProjectCreate, name=name))

    def delete_project(self, name_or_id: NameOrId) -> None:
        """Delete an empty project (not "default").

        Raises:
            EntityInUseError: it still holds pipelines, artifacts, models or stacks.
        """
        self._access_store().delete_project(name_or_id)

    def list_project_members(self, project: NameOrId | None = None) -> list[ProjectMember]:
        """The users and teams holding a role in a project (default: the active one)."""
        return self._access_store().list_project_members(project or self.active_project)

    def grant_project_role(
        self,
        role: str,
        *,
        user: str | None = None,
        team: str | None = None,
        project: NameOrId | None = None,
    ) -> ProjectMember:
        """Give a user or a team a role (built-in or custom) in a project.

        Example:
            ```python
            Client().grant_project_role("developer", user="ada", project="vision")
            ```

        Raises:
            ConfigurationError: neither or both of `user` and `team` are given.
        """
        from headwater.store.access_models import Grant

        kind, name = _principal(user, team)
        grant = _valid(Grant, kind=kind, name=name, role=role)
        return self._access_store().grant_project_role(project or self.active_project, grant)

    def revoke_project_role(
        self, *, user: str | None = None, team: str | None = None, project: NameOrId | None = None
    ) -> None:
        """Take away the role a user or team holds in a project."""
        kind, name = _principal(user, team)
        self._access_store().revoke_project_role(project or self.active_project, kind, name)

    # --- teams and roles --------------------------------------------------------------

    def create_team(self, name: str, members: list[str] | None = None) -> Team:
        """Create a team of existing users."""
        from headwater.store.access_models import TeamCreate

        team = _valid(TeamCreate, name=name, members=tuple(members or ()))
        return self._access_store().create_team(team)

    def list_teams(self) -> list[Team]:
        """Every team with its members."""
        return self._access_store().list_teams()

    def get_team(self, name_or_id: NameOrId) -> Team:
        """A team with its members."""
        return self._access_store().get_team(name_or_id)

    def delete_team(self, name_or_id: NameOrId) -> None:
        """Delete a team; its project roles go too."""
        self._access_store().delete_team(name_or_id)

    def add_team_member(self, team: NameOrId, user: str) -> Team:
        """Add a user to a team."""
        return self._access_store().add_team_member(team, user)

    def remove_team_member(self, team: NameOrId, user: str) -> Team:
        """Remove a user from a team."""
        return self._access_store().remove_team_member(team, user)

    def create_role(self, name: str, permissions: list[str]) -> Role:
        """Create a custom project role from permissions such as `run:read`."""
        from headwater.store.access_models import RoleCreate

        role = _valid(RoleCreate, name=name, permissions=tuple(permissions))
        return self._access_store().create_role(role)

    def update_role(self, name: str, permissions: list[str]) -> Role:
        """Replace a custom role's permissions; every grant of it holds the new ones."""
        from headwater.store.access_models import RolePermissionsChange

        change = _valid(RolePermissionsChange, permissions=tuple(permissions))
        return self._access_store().update_role(name, change.permissions)

    def list_roles(self) -> list[Role]:
        """The built-in project roles, then the custom ones."""
        return self._access_store().list_roles()

    def get_role(self, name: str) -> Role:
        """A role and its permissions."""
        return self._access_store().get_role(name)

    def delete_role(self, name: str) -> None:
        """Delete a custom role and every grant of it."""
        self._access_store().delete_role(name)

    # --- the audit trail --------------------------------------------------------------

    def list_audit_events(
        self,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[AuditEventFilters],
    ) -> Page[AuditEvent]:
        """Changes made through a server's API, newest first; filters on any field
        `AuditEventFilters` declares (`user="ada"`, `created="gte:2026-01-01"`)."""
        from headwater.store.filters import ListQuery

        query = ListQuery(
            filters={k: v for k, v in filters.items() if v is not None},
            sort_by=sort_by,
            index=page,
            size=size,
        )
        return Page.of(self._access_store().list_audit_events(query), lambda item: item)

    # --- explaining access ------------------------------------------------------------

    def explain_access(
        self, user: str, permission: str, resource: str = "server"
    ) -> AccessExplanation:
        """Why `user` may (or may not) do `permission` ('run:delete') on `resource`
        ('server', a project name, or kind:ref such as 'run:<id>'), as the server decides.

        Raises:
            ConfigurationError: not logged in to a server (`headwater login URL`).
        """
        from headwater.store.access_store import AccessExplainer

        store = self._session.store
        if not isinstance(store, AccessExplainer):
            raise ConfigurationError(
                "Explaining access asks the server that enforces it. Log in to one with "
                "`headwater login URL` first."
            )
        return store.explain_access(user, permission, resource)

    def _access_store(self) -> AccessStore:
        from headwater.store.access_store import AccessStore

        store = self._session.store
        if not isinstance(store, AccessStore):
            raise ConfigurationError(
                "This store keeps no projects, teams or roles. Use a SQL store or log in "
                "to a server with `headwater login URL`."
            )
        return store


def _valid(model: type[ModelT], **values: Any) -> ModelT:
    """`model(**values)`, its validation errors raised as one `DefinitionError`."""
    from pydantic import ValidationError

    try:
        return model(**values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        raise DefinitionError(f"Invalid {model.__name__}: {problems}.") from exc


def _principal(user: str | None, team: str | None) -> tuple[Any, str]:
    from headwater.store.access_models import PrincipalKind

    if (user is None) == (team is None):
        raise ConfigurationError("Name either a user or a team (exactly one of the two).")
    if user is not None:
        return PrincipalKind.USER, user
    assert team is not None
    return PrincipalKind.TEAM, team
