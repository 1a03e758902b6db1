"""The access calls of `RestStore`: projects, members, teams, roles and the audit trail."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING
from urllib.parse import quote

from headwater.errors import StoreError
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
from headwater.store.models import Project
from headwater.store.rest.query import list_params, page_from
from headwater.store.rest.utc import parse_model

if TYPE_CHECKING:
    from headwater.store.filters import ListQuery
    from headwater.store.models import Page
    from headwater.store.rest.transport import Transport


def _segment(value: uuid.UUID | str) -> str:
    return quote(str(value), safe="")


class RestAccessMethods:
    """`AccessStore`'s methods, each one request (the server decides who may)."""

    _http: Transport

    def create_project(self, project: ProjectCreate) -> Project:
        """See `AccessStore.create_project` (the logged-in user becomes its admin)."""
        body = {"name": project.name}
        return parse_model(Project, self._http.call("POST", "/projects", body=body))

    def delete_project(self, name_or_id: uuid.UUID | str) -> None:
        """See `AccessStore.delete_project`."""
        self._http.call("DELETE", f"/projects/{_segment(name_or_id)}")

    def grant_project_role(self, project: uuid.UUID | str, grant: Grant) -> ProjectMember:
        """See `AccessStore.grant_project_role`."""
        path = f"/projects/{_segment(project)}/members"
        found = self._http.call("PUT", path, body=grant.model_dump(mode="json"))
        return parse_model(ProjectMember, found)

    def revoke_project_role(self, project: uuid.UUID | str, kind: PrincipalKind, name: str) -> None:
        """See `AccessStore.revoke_project_role`."""
        path = f"/projects/{_segment(project)}/members/{kind.value}/{_segment(name)}"
        self._http.call("DELETE", path)

    def list_project_members(self, project: uuid.UUID | str) -> list[ProjectMember]:
        """See `AccessStore.list_project_members`."""
        found = self._http.call("GET", f"/projects/{_segment(project)}/members")
        return [parse_model(ProjectMember, item) for item in found]

    def project_roles_of(self, user_id: uuid.UUID) -> dict[uuid.UUID, frozenset[str]]:
        """Only the server reads this (to check requests); the REST store cannot."""
        raise StoreError("A user's roles are read by the server itself, not over its API.")

    def custom_role_permissions(self, names: set[str]) -> dict[str, list[str]]:
        """See `AccessStore.custom_role_permissions`."""
        return {
            role.name: list(role.permissions) for role in self.list_roles() if role.name in names
        }

    def create_team(self, team: TeamCreate) -> Team:
        """See `AccessStore.create_team`."""
        found = self._http.call("POST", "/teams", body=team.model_dump(mode="json"))
        return parse_model(Team, found)

    def get_team(self, name_or_id: uuid.UUID | str) -> Team:
        """See `AccessStore.get_team`."""
        return parse_model(Team, self._http.call("GET", f"/teams/{_segment(name_or_id)}"))

    def list_teams(self) -> list[Team]:
        """See `AccessStore.list_teams`."""
        return [parse_model(Team, item) for item in self._http.call("GET", "/teams")]

    def delete_team(self, name_or_id: uuid.UUID | str) -> None:
        """See `AccessStore.delete_team`."""
        self._http.call("DELETE", f"/teams/{_segment(name_or_id)}")

    def add_team_member(self, team: uuid.UUID | str, user: str) -> Team:
        """See `AccessStore.add_team_member`."""
        path = f"/teams/{_segment(team)}/members/{_segment(user)}"
        return parse_model(Team, self._http.call("PUT", path))

    def remove_team_member(self, team: uuid.UUID | str, user: str) -> Team:
        """See `AccessStore.remove_team_member`."""
        path = f"/teams/{_segment(team)}/members/{_segment(user)}"
        return parse_model(Team, self._http.call("DELETE", path))

    def create_role(self, role: RoleCreate) -> Role:
        """See `AccessStore.create_role`."""
        found = self._http.call("POST", "/roles", body=role.model_dump(mode="json"))
        return parse_model(Role, found)

    def update_role(self, name: str, permissions: tuple[str, ...]) -> Role:
        """See `AccessStore.update_role`."""
        body = {"permissions": list(permissions)}
        found = self._http.call("PUT", f"/roles/{_segment(name)}", body=body)
        return parse_model(Role, found)

    def get_role(self, name: str) -> Role:
        """See `AccessStore.get_role`."""
        return parse_model(Role, self._http.call("GET", f"/roles/{_segment(name)}"))

    def list_roles(self) -> list[Role]:
        """See `AccessStore.list_roles`."""
        return [parse_model(Role, item) for item in self._http.call("GET", "/roles")]

    def delete_role(self, name: str) -> None:
        """See `AccessStore.delete_role`."""
        self._http.call("DELETE", f"/roles/{_segment(name)}")

    def record_audit_event(self, event: AuditEventCreate) -> None:
        """The server writes its own trail; nothing sent over the API lands in it."""
        raise StoreError("The audit trail is written by the server, never over its API.")

    def list_audit_events(self, query: ListQuery) -> Page[AuditEvent]:
        """See `AccessStore.list_audit_events`."""
        body = self._http.call("GET", "/audit-events", params=list_params(query))
        return page_from(body, tuple(parse_model(AuditEvent, i) for i in body["items"]))

    def explain_access(self, user: str, permission: str, resource: str) -> AccessExplanation:
        """See `AccessExplainer.explain_access`."""
        params = {"user": user, "permission": permission, "resource": resource}
        found = self._http.call("GET", "/access/explain", params=params)
        return parse_model(AccessExplanation, found)
