"""Projects and users, read back: one by name or id, and pages of them.

Both are created on first use by `create_run`; both are just a name and a creation time.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select

from headwater.errors import EntityNotFoundError
from headwater.store.listings import PROJECTS, USERS, EntityListing
from headwater.store.models import Page, Project, User
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    project_column,
    where_clauses,
)
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.recording.rows import as_id
from headwater.store.sql.schema import projects, users

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery


def _listing(table: Table, declared: EntityListing) -> Listing:
    return Listing(
        declared=declared,
        filters={
            "id": ColumnFilter(table.c.id, FieldKind.ID),
            "name": ColumnFilter(table.c.name, FieldKind.TEXT),
            "created": ColumnFilter(table.c.created, FieldKind.DATETIME),
        },
        sort_columns={"created": table.c.created, "name": table.c.name},
        id_column=table.c.id,
        table=table,
        source=table,
    )


_PROJECTS = replace(_listing(projects, PROJECTS), project=project_column(projects.c.id))
_USERS = _listing(users, USERS)


def get_project(connection: Connection, name_or_id: uuid.UUID | str) -> Project:
    """A project by id or name.

    Raises:
        EntityNotFoundError: no project has that id or name.
    """
    row = _find(connection, projects, name_or_id)
    if row is None:
        raise EntityNotFoundError(
            f"No project with id or name '{name_or_id}'. List projects with "
            f"`headwater projects list`."
        )
    return Project(id=row.id, name=row.name, created=row.created)


def list_projects(connection: Connection, query: ListQuery) -> Page[Project]:
    """A page of projects. Filterable: id, name, created. Sortable: created, name."""
    clauses = where_clauses(_PROJECTS, query)
    rows, total = fetch_page(connection, _PROJECTS, select(projects), query, clauses)
    items = tuple(Project(id=row.id, name=row.name, created=row.created) for row in rows)
    return Page(items=items, index=query.index, size=query.size, total=total)


def get_user(connection: Connection, name_or_id: uuid.UUID | str) -> User:
    """A user by id or name.

    Raises:
        EntityNotFoundError: no user has that id or name.
    """
    row = _find(connection, users, name_or_id)
    if row is None:
        raise EntityNotFoundError(
            f"No user with id or name '{name_or_id}'. List users with `headwater users list`."
        )
    return User(id=row.id, name=row.name, created=row.created)


def list_users(connection: Connection, query: ListQuery) -> Page[User]:
    """A page of users. Filterable: id, name, created. Sortable: created, name."""
    clauses = where_clauses(_USERS, query)
    rows, total = fetch_page(connection, _USERS, select(users), query, clauses)
    items = tuple(User(id=row.id, name=row.name, created=row.created) for row in rows)
    return Page(items=items, index=query.index, size=query.size, total=total)


def _find(connection: Connection, table: Table, name_or_id: uuid.UUID | str) -> Row[Any] | None:
    row_id = as_id(name_or_id)
    if row_id is not None:
        found = connection.execute(select(table).where(table.c.id == row_id)).first()
        if found is not None:
            return found
    return connection.execute(select(table).where(table.c.name == str(name_or_id))).first()
