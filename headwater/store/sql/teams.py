"""Teams: named groups of users, each member holding the roles granted to the team."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import select

from headwater.errors import EntityExistsError, EntityNotFoundError
from headwater.store.access_models import Team, TeamCreate
from headwater.store.sql.accounts import get_user
from headwater.store.sql.ids import new_id
from headwater.store.sql.recording.rows import as_id
from headwater.store.sql.schema import team_members, teams, users

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def create_team(connection: Connection, team: TeamCreate, now: dt.datetime) -> Team:
    """Create a team with its first members (existing users, by name).

    Raises:
        EntityExistsError: a team has that name already.
        EntityNotFoundError: a member is not a user.
    """
    if connection.execute(select(teams.c.id).where(teams.c.name == team.name)).first():
        raise EntityExistsError(
            f"A team named '{team.name}' already exists. Choose another name, or add "
            f"members with `headwater teams add {team.name} USER`."
        )
    team_id = new_id()
    connection.execute(teams.insert().values(id=team_id, name=team.name, created=now))
    for member in team.members:
        add_team_member(connection, team_id, member)
    return get_team(connection, team_id)


def get_team(connection: Connection, name_or_id: uuid.UUID | str) -> Team:
    """A team with its members' names.

    Raises:
        EntityNotFoundError: no team has that name or id.
    """
    team_id = as_id(name_or_id)
    row = None
    if team_id is not None:
        row = connection.execute(select(teams).where(teams.c.id == team_id)).first()
    if row is None:
        row = connection.execute(select(teams).where(teams.c.name == str(name_or_id))).first()
    if row is None:
        raise EntityNotFoundError(
            f"No team with name or id '{name_or_id}'. List teams with `headwater teams list`."
        )
    return Team(id=row.id, name=row.name, created=row.created, members=_members(connection, row.id))


def list_teams(connection: Connection) -> list[Team]:
    """Every team with its members, by name."""
    rows = connection.execute(select(teams).order_by(teams.c.name)).all()
    return [
        Team(id=row.id, name=row.name, created=row.created, members=_members(connection, row.id))
        for row in rows
    ]


def delete_team(connection: Connection, name_or_id: uuid.UUID | str) -> None:
    """Delete a team; its memberships and project roles go with it (cascade)."""
    team = get_team(connection, name_or_id)
    connection.execute(teams.delete().where(teams.c.id == team.id))


def add_team_member(connection: Connection, team_ref: uuid.UUID | str, user_name: str) -> Team:
    """Add a user to a team; adding a member twice changes nothing."""
    team = get_team(connection, team_ref)
    user = get_user(connection, user_name)
    if user.name not in team.members:
        connection.execute(team_members.insert().values(team_id=team.id, user_id=user.id))
    return get_team(connection, team.id)


def remove_team_member(connection: Connection, team_ref: uuid.UUID | str, user_name: str) -> Team:
    """Remove a user from a team.

    Raises:
        EntityNotFoundError: no such team or user, or the user is not in the team.
    """
    team = get_team(connection, team_ref)
    user = get_user(connection, user_name)
    removed = connection.execute(
        team_members.delete().where(
            team_members.c.team_id == team.id, team_members.c.user_id == user.id
        )
    )
    if removed.rowcount == 0:
        raise EntityNotFoundError(
            f"User '{user.name}' is not in team '{team.name}'. Its members: "
            f"{', '.join(team.members) or 'none'}."
        )
    return get_team(connection, team.id)


def _members(connection: Connection, team_id: uuid.UUID) -> tuple[str, ...]:
    names = connection.execute(
        select(users.c.name)
        .join(team_members, team_members.c.user_id == users.c.id)
        .where(team_members.c.team_id == team_id)
        .order_by(users.c.name)
    ).scalars()
    return tuple(names)
