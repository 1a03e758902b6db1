"""Custom project roles (a name and a set of permissions), beside the built-in ones."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from headwater.errors import EntityExistsError, EntityInUseError, EntityNotFoundError
from headwater.store.access_models import Role, RoleCreate
from headwater.store.permissions import BUILT_IN_ROLES
from headwater.store.sql.ids import new_id
from headwater.store.sql.schema import project_team_roles, project_user_roles, roles

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def _built_in(name: str) -> Role:
    permissions = tuple(sorted(str(p) for p in BUILT_IN_ROLES[name]))
    return Role(name=name, permissions=permissions, is_built_in=True)


def create_role(connection: Connection, role: RoleCreate, now: dt.datetime) -> Role:
    """Create a custom role.

    Raises:
        EntityExistsError: a role has that name already.
    """
    if connection.execute(select(roles.c.id).where(roles.c.name == role.name)).first():
        raise EntityExistsError(
            f"A role named '{role.name}' already exists. Choose another name, or delete "
            f"it first with `headwater roles delete {role.name}`."
        )
    values = {"id": new_id(), "name": role.name, "permissions": list(role.permissions)}
    connection.execute(roles.insert().values(**values, created=now))
    return Role(name=role.name, permissions=role.permissions, is_built_in=False)


def update_role(connection: Connection, name: str, permissions: tuple[str, ...]) -> Role:
    """Replace a custom role's permissions; every grant of it holds the new ones at once.

    Raises:
        EntityInUseError: it is a built-in role.
        EntityNotFoundError: no custom role has that name.
    """
    if name in BUILT_IN_ROLES:
        raise EntityInUseError(
            f"The role '{name}' is built in and cannot be changed. Create a custom role "
            f"with the permissions you need instead."
        )
    changed = connection.execute(
        roles.update().where(roles.c.name == name).values(permissions=list(permissions))
    )
    if changed.rowcount == 0:
        raise EntityNotFoundError(
            f"No custom role named '{name}'. List roles with `headwater roles list`."
        )
    return Role(name=name, permissions=permissions, is_built_in=False)


def get_role(connection: Connection, name: str) -> Role:
    """A built-in or custom role.

    Raises:
        EntityNotFoundError: no role has that name.
    """
    if name in BUILT_IN_ROLES:
        return _built_in(name)
    row = connection.execute(select(roles).where(roles.c.name == name)).first()
    if row is None:
        raise EntityNotFoundError(
            f"No role named '{name}'. The built-in roles are {', '.join(BUILT_IN_ROLES)}; "
            f"list every role with `headwater roles list`."
        )
    return Role(name=row.name, permissions=tuple(row.permissions), is_built_in=False)


def check_role_exists(connection: Connection, name: str) -> None:
    """Raise `EntityNotFoundError` unless a role has that name."""
    get_role(connection, name)


def list_roles(connection: Connection) -> list[Role]:
    """The built-in roles, then the custom ones by name."""
    rows = connection.execute(select(roles).order_by(roles.c.name))
    custom = [Role(name=r.name, permissions=tuple(r.permissions), is_built_in=False) for r in rows]
    return [_built_in(name) for name in BUILT_IN_ROLES] + custom


def custom_role_permissions(connection: Connection, names: set[str]) -> dict[str, list[str]]:
    """The permission texts of the named custom roles (unknown names are left out)."""
    if not names:
        return {}
    rows = connection.execute(
        select(roles.c.name, roles.c.permissions).where(roles.c.name.in_(names))
    )
    return {row.name: list(row.permissions) for row in rows}


def delete_role(connection: Connection, name: str) -> None:
    """Delete a custom role and every grant of it.

    Raises:
        EntityInUseError: it is a built-in role.
        EntityNotFoundError: no custom role has that name.
    """
    if name in BUILT_IN_ROLES:
        raise EntityInUseError(f"The role '{name}' is built in and cannot be deleted.")
    if connection.execute(roles.delete().where(roles.c.name == name)).rowcount == 0:
        raise EntityNotFoundError(
            f"No custom role named '{name}'. List roles with `headwater roles list`."
        )
    for table in (project_user_roles, project_team_roles):
        connection.execute(table.delete().where(table.c.role == name))
