"""Saved views of the runs list in SQL, and the `SqlStore` mixin that serves them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from headwater.errors import EntityExistsError, EntityNotFoundError
from headwater.store.models import utc_now
from headwater.store.saved_views import SavedView, SavedViewSave
from headwater.store.sql.ids import new_id
from headwater.store.sql.schema import saved_views, users

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_views = saved_views.c
_SELECT = select(saved_views, users.c.name.label("owner_name")).outerjoin(
    users, users.c.id == _views.owner_id
)


def list_saved_views(connection: Connection, project_id: uuid.UUID) -> list[SavedView]:
    """Every view of the project, sorted by name (in Python: collations differ)."""
    found = connection.execute(_SELECT.where(_views.project_id == project_id))
    return sorted((_view(row) for row in found), key=lambda view: view.name)


def get_saved_view(connection: Connection, project_id: uuid.UUID, name: str) -> SavedView:
    """The view `name` of the project.

    Raises:
        EntityNotFoundError: the project has no view of that name.
    """
    row = connection.execute(
        _SELECT.where(_views.project_id == project_id, _views.name == name)
    ).first()
    if row is None:
        raise EntityNotFoundError(
            f"There is no saved view '{name}' in this project. List the project's views "
            f"to see their names."
        )
    return _view(row)


def save_view(
    connection: Connection,
    project_id: uuid.UUID,
    name: str,
    view: SavedViewSave,
    *,
    owner_id: uuid.UUID | None,
    now: dt.datetime,
) -> SavedView:
    """Insert the view, or overwrite the one its owner saved under that name."""
    values = {"columns": list(view.columns), "search": dict(view.search), "updated": now}
    try:
        earlier = get_saved_view(connection, project_id, name)
    except EntityNotFoundError:
        row = {"id": new_id(), "project_id": project_id, "name": name, "owner_id": owner_id}
        try:
            connection.execute(saved_views.insert().values(**row, created=now, **values))
        except IntegrityError as exc:  # saved by someone else a moment ago
            raise EntityExistsError(
                f"A view named '{name}' was saved in this project a moment ago. Reload the "
                f"views, then save yours under another name or overwrite your own."
            ) from exc
        return get_saved_view(connection, project_id, name)
    if earlier.owner_id is not None and earlier.owner_id != owner_id:
        raise EntityExistsError(
            f"A view named '{name}' was saved by '{earlier.owner_name}' in this project. "
            f"Save yours under another name."
        )
    connection.execute(saved_views.update().where(_views.id == earlier.id).values(**values))
    return get_saved_view(connection, project_id, name)


def delete_saved_view(connection: Connection, project_id: uuid.UUID, name: str) -> None:
    """Delete the view (it must exist: `get_saved_view` raises otherwise)."""
    view = get_saved_view(connection, project_id, name)
    connection.execute(saved_views.delete().where(_views.id == view.id))


def _view(row: Any) -> SavedView:
    return SavedView(
        id=row.id,
        project_id=row.project_id,
        name=row.name,
        columns=tuple(row.columns),
        search=dict(row.search),
        owner_id=row.owner_id,
        owner_name=row.owner_name,
        created=row.created,
        updated=row.updated,
    )


class SqlSavedViewMethods:
    """`SavedViewStore` on SQL; mixed into `SqlStore`, which gives the transactions."""

    _read: Callable[[], AbstractContextManager[Connection]]
    _write: Callable[..., AbstractContextManager[Connection]]

    def list_saved_views(self, project_id: uuid.UUID) -> list[SavedView]:
        """See `SavedViewStore.list_saved_views`."""
        with self._read() as connection:
            return list_saved_views(connection, project_id)

    def get_saved_view(self, project_id: uuid.UUID, name: str) -> SavedView:
        """See `SavedViewStore.get_saved_view`."""
        with self._read() as connection:
            return get_saved_view(connection, project_id, name)

    def save_view(
        self, project_id: uuid.UUID, name: str, view: SavedViewSave, *, owner_id: uuid.UUID | None
    ) -> SavedView:
        """See `SavedViewStore.save_view`."""
        with self._write() as connection:
            return save_view(connection, project_id, name, view, owner_id=owner_id, now=utc_now())

    def delete_saved_view(self, project_id: uuid.UUID, name: str) -> None:
        """See `SavedViewStore.delete_saved_view`."""
        with self._write() as connection:
            delete_saved_view(connection, project_id, name)
