"""`SqlAccessMethods`: the `AccessStore` calls of `SqlStore` (projects, teams, roles, audit)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from headwater.store.models import utc_now
from headwater.store.sql import audit, projects, roles, teams

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.access_models import (
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


class SqlAccessMethods:
    """The access calls of `SqlStore`; mixed into it, which gives the transactions."""

    _read: Callable[[], AbstractContextManager[Connection]]
    _write: Callable[..., AbstractContextManager[Connection]]

    def create_project(self, project: ProjectCreate) -> Project:
        """See `AccessStore.create_project`."""
        with self._write() as connection:
            return projects.create_project(connection, project, utc_now())

    def delete_project(self, name_or_id: uuid.UUID | str) -> None:
        """See `AccessStore.delete_project`."""
        with self._write() as connection:
            projects.delete_project(connection, name_or_id)

    def grant_project_role(self, project: uuid.UUID | str, grant: Grant) -> ProjectMember:
        """See `AccessStore.grant_project_role`."""
        with self._write() as connection:
            return projects.grant_project_role(connection, project, grant, utc_now())

    def revoke_project_role(self, project: uuid.UUID | str, kind: PrincipalKind, name: str) -> None:
        """See `AccessStore.revoke_project_role`."""
        with self._write() as connection:
            projects.revoke_project_role(connection, project, kind, name)

    def list_project_members(self, project: uuid.UUID | str) -> list[ProjectMember]:
        """See `AccessStore.list_project_members`."""
        with self._read() as connection:
            return projects.list_project_members(connection, project)

    def project_roles_of(self, user_id: uuid.UUID) -> dict[uuid.UUID, frozenset[str]]:
        """See `AccessStore.project_roles_of`."""
        with self._read() as connection:
            return projects.project_roles_of(connection, user_id)

    def custom_role_permissions(self, names: set[str]) -> dict[str, list[str]]:
        """The permission texts of the named custom roles (unknown names left out)."""
        with self._read() as connection:
            return roles.custom_role_permissions(connection, names)

    def create_team(self, team: TeamCreate) -> Team:
        """See `AccessStore.create_team`."""
        with self._write() as connection:
            return teams.create_team(connection, team, utc_now())

    def get_team(self, name_or_id: uuid.UUID | str) -> Team:
        """See `AccessStore.get_team`."""
        with self._read() as connection:
            return teams.get_team(connection, name_or_id)

    def list_teams(self) -> list[Team]:
        """See `AccessStore.list_teams`."""
        with self._read() as connection:
            return teams.list_teams(connection)

    def delete_team(self, name_or_id: uuid.UUID | str) -> None:
        """See `AccessStore.delete_team`."""
        with self._write() as connection:
            teams.delete_team(connection, name_or_id)

    def add_team_member(self, team: uuid.UUID | str, user: str) -> Team:
        """See `AccessStore.add_team_member`."""
        with self._write() as connection:
            return teams.add_team_member(connection, team, user)

    def remove_team_member(self, team: uuid.UUID | str, user: str) -> Team:
        """See `AccessStore.remove_team_member`."""
        with self._write() as connection:
            return teams.remove_team_member(connection, team, user)

    def create_role(self, role: RoleCreate) -> Role:
        """See `AccessStore.create_role`."""
        with self._write() as connection:
            return roles.create_role(connection, role, utc_now())

    def update_role(self, name: str, permissions: tuple[str, ...]) -> Role:
        """See `AccessStore.update_role`."""
        with self._write() as connection:
            return roles.update_role(connection, name, permissions)

    def get_role(self, name: str) -> Role:
        """See `AccessStore.get_role`."""
        with self._read() as connection:
            return roles.get_role(connection, name)

    def list_roles(self) -> list[Role]:
        """See `AccessStore.list_roles`."""
        with self._read() as connection:
            return roles.list_roles(connection)

    def delete_role(self, name: str) -> None:
        """See `AccessStore.delete_role`."""
        with self._write() as connection:
            roles.delete_role(connection, name)

    def record_audit_event(self, event: AuditEventCreate) -> None:
        """See `AccessStore.record_audit_event`."""
        with self._write() as connection:
            audit.record_audit_event(connection, event, utc_now())

    def list_audit_events(self, query: ListQuery) -> Page[AuditEvent]:
        """See `AccessStore.list_audit_events`."""
        with self._read() as connection:
            return audit.list_audit_events(connection, query)
