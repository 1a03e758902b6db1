"""What of the server's directory (users, teams, custom roles) a caller may see.

Server admins (and everyone in local mode) see all of it. Anyone else sees themselves,
the teams they belong to, and the users, teams and custom roles holding a role in the
projects whose members they may read (`member:read`): enough to work with the people of
their projects, nothing about projects they cannot see (issue 14).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from headwater.server.access import Caller
from headwater.store.access_models import PrincipalKind, Role, Team
from headwater.store.access_store import AccessStore
from headwater.store.filters import ListQuery
from headwater.store.permissions import Resource


@dataclass(frozen=True, slots=True)
class VisibleDirectory:
    """The names of the users, teams and custom roles a caller may see."""

    users: frozenset[str]
    teams: frozenset[str]
    roles: frozenset[str]


def visible_directory(store: AccessStore, caller: Caller) -> VisibleDirectory | None:
    """What a restricted caller may see of the directory (None: everything)."""
    if caller.is_unrestricted:
        return None
    assert caller.login is not None
    me = caller.login.name
    all_teams = store.list_teams()
    users, teams, roles = {me}, {t.name for t in all_teams if me in t.members}, set()
    for project_id in caller.readable_projects(Resource.MEMBER) or ():
        for member in store.list_project_members(project_id):
            roles.add(member.role)
            kind = users if member.kind is PrincipalKind.USER else teams
            kind.add(member.principal_name)
    for team in all_teams:
        if team.name in teams:
            users.update(team.members)
    roles.update(_held_roles(store, caller.login.user_id))
    return VisibleDirectory(frozenset(users), frozenset(teams), frozenset(roles))


def _held_roles(store: AccessStore, user_id: uuid.UUID) -> set[str]:
    return {role for held in store.project_roles_of(user_id).values() for role in held}


def visible_teams(teams: list[Team], seen: VisibleDirectory | None) -> list[Team]:
    """The teams a caller may see, in their order."""
    return teams if seen is None else [t for t in teams if t.name in seen.teams]


def visible_roles(roles: list[Role], seen: VisibleDirectory | None) -> list[Role]:
    """The built-in roles and the custom roles a caller may see, in their order."""
    if seen is None:
        return roles
    return [r for r in roles if r.is_built_in or r.name in seen.roles]


def scope_users(query: ListQuery, store: object, caller: Caller) -> ListQuery:
    """`query` limited to the users a caller may see (a plain name asked for is kept)."""
    if caller.is_unrestricted or not isinstance(store, AccessStore):
        return query
    seen = visible_directory(store, caller)
    assert seen is not None
    names = sorted(seen.users)
    asked = query.filters.get("name")
    if isinstance(asked, str) and ":" not in asked:
        names = [asked] if asked in seen.users else []
    filters = {**query.filters, "name": f"oneof:{json.dumps(names)}"}
    return query.model_copy(update={"filters": filters})
