"""Projects made on purpose, deleted when empty, and the roles users and teams hold in them.

A run still creates its project on first use (see `pipelines.ensure_project`); this module
is what `headwater projects create|delete|grant|revoke|members` reads and writes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import Table, exists, select, union_all

from headwater.errors import EntityExistsError, EntityInUseError, EntityNotFoundError
from headwater.store.access_models import Grant, PrincipalKind, ProjectCreate, ProjectMember
from headwater.store.models import Project
from headwater.store.permissions import DEFAULT_PROJECT, ProjectRole
from headwater.store.sql.accounts import get_project, get_user
from headwater.store.sql.ids import new_id
from headwater.store.sql.roles import check_role_exists
from headwater.store.sql.schema import (
    artifacts,
    models,
    pipelines,
    project_team_roles,
    project_user_roles,
    projects,
    stack_components,
    stacks,
    team_members,
    teams,
    users,
)
from headwater.store.sql.teams import get_team

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

# What a project holds: it can be deleted only once all of these are gone.
_CONTENTS: tuple[tuple[Table, str], ...] = (
    (pipelines, "pipelines"),
    (artifacts, "artifacts"),
    (models, "models"),
    (stacks, "stacks"),
    (stack_components, "stack components"),
)


def create_project(connection: Connection, project: ProjectCreate, now: dt.datetime) -> Project:
    """Create a project, making `admin_user_id` (if given) its admin.

    Raises:
        EntityExistsError: a project has that name already.
    """
    taken = connection.execute(select(projects.c.id).where(projects.c.name == project.name))
    if taken.first() is not None:
        raise EntityExistsError(
            f"A project named '{project.name}' already exists. Choose another name, or "
            f"use it with `headwater projects set {project.name}`."
        )
    project_id = new_id()
    connection.execute(projects.insert().values(id=project_id, name=project.name, created=now))
    if project.admin_user_id is not None:
        connection.execute(
            project_user_roles.insert().values(
                project_id=project_id,
                user_id=project.admin_user_id,
                role=ProjectRole.ADMIN.value,
                created=now,
            )
        )
    return Project(id=project_id, name=project.name, created=now)


def delete_project(connection: Connection, name_or_id: uuid.UUID | str) -> Project:
    """Delete an empty project with its members' roles.

    Raises:
        EntityNotFoundError: no project has that name or id.
        EntityInUseError: it is the default project, or it still holds something.
    """
    project = get_project(connection, name_or_id)
    if project.name == DEFAULT_PROJECT:
        raise EntityInUseError(
            f"The project '{DEFAULT_PROJECT}' cannot be deleted: runs without a project go "
            f"there. Delete its runs, models or stacks instead."
        )
    held = [
        label
        for table, label in _CONTENTS
        if connection.execute(select(exists().where(table.c.project_id == project.id))).scalar()
    ]
    if held:
        raise EntityInUseError(
            f"Project '{project.name}' still holds {', '.join(held)}. Delete them first "
            f"(e.g. `headwater pipelines delete`), then delete the project."
        )
    connection.execute(projects.delete().where(projects.c.id == project.id))
    return project


def grant_project_role(
    connection: Connection, project_ref: uuid.UUID | str, grant: Grant, now: dt.datetime
) -> ProjectMember:
    """Give a user or team a role in a project, replacing the one it held.

    Raises:
        EntityNotFoundError: no such project, user, team or role.
    """
    project = get_project(connection, project_ref)
    check_role_exists(connection, grant.role)
    table, column, principal_id, name = _principal(connection, grant.kind, grant.name)
    key = {"project_id": project.id, column: principal_id}
    clauses = [table.c[field] == value for field, value in key.items()]
    connection.execute(table.delete().where(*clauses))
    connection.execute(table.insert().values(**key, role=grant.role, created=now))
    return ProjectMember(
        project_id=project.id,
        project_name=project.name,
        kind=grant.kind,
        principal_id=principal_id,
        principal_name=name,
        role=grant.role,
        created=now,
    )


def revoke_project_role(
    connection: Connection, project_ref: uuid.UUID | str, kind: PrincipalKind, name: str
) -> None:
    """Take away the role a user or team holds in a project.

    Raises:
        EntityNotFoundError: no such project, user or team, or it holds no role there.
    """
    project = get_project(connection, project_ref)
    table, column, principal_id, found_name = _principal(connection, kind, name)
    removed = connection.execute(
        table.delete().where(table.c.project_id == project.id, table.c[column] == principal_id)
    )
    if removed.rowcount == 0:
        raise EntityNotFoundError(
            f"The {kind.value} '{found_name}' holds no role in project '{project.name}'. "
            f"List who does with `headwater projects members {project.name}`."
        )


def list_project_members(
    connection: Connection, project_ref: uuid.UUID | str
) -> list[ProjectMember]:
    """The users, then the teams, holding a role in a project, each by name."""
    project = get_project(connection, project_ref)
    members: list[ProjectMember] = []
    for kind, table, column, named in (
        (PrincipalKind.USER, project_user_roles, "user_id", users),
        (PrincipalKind.TEAM, project_team_roles, "team_id", teams),
    ):
        rows = connection.execute(
            select(table.c[column], table.c.role, table.c.created, named.c.name)
            .join(named, named.c.id == table.c[column])
            .where(table.c.project_id == project.id)
            .order_by(named.c.name)
        )
        members.extend(
            ProjectMember(
                project_id=project.id,
                project_name=project.name,
                kind=kind,
                principal_id=row[0],
                principal_name=row.name,
                role=row.role,
                created=row.created,
            )
            for row in rows
        )
    return members


def project_roles_of(connection: Connection, user_id: uuid.UUID) -> dict[uuid.UUID, frozenset[str]]:
    """Project id -> the roles a user holds there, directly or through their teams."""
    direct = select(project_user_roles.c.project_id, project_user_roles.c.role).where(
        project_user_roles.c.user_id == user_id
    )
    via_teams = (
        select(project_team_roles.c.project_id, project_team_roles.c.role)
        .join(team_members, team_members.c.team_id == project_team_roles.c.team_id)
        .where(team_members.c.user_id == user_id)
    )
    held: dict[uuid.UUID, set[str]] = {}
    for project_id, role in connection.execute(union_all(direct, via_teams)):
        held.setdefault(project_id, set()).add(role)
    return {project_id: frozenset(roles) for project_id, roles in held.items()}


def _principal(
    connection: Connection, kind: PrincipalKind, name: str
) -> tuple[Table, str, uuid.UUID, str]:
    """The grants table, its principal column, and the principal's id and name."""
    if kind is PrincipalKind.USER:
        user = get_user(connection, name)
        return project_user_roles, "user_id", user.id, user.name
    team = get_team(connection, name)
    return project_team_roles, "team_id", team.id, team.name
