"""Artifacts by name: the named series that each saved artifact version belongs to."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from headwater.errors import EntityNotFoundError
from headwater.store.listings import ARTIFACTS
from headwater.store.models import Artifact, Page
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    project_column,
    where_clauses,
)
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.pipelines import as_id
from headwater.store.sql.schema import artifact_tags, artifacts
from headwater.store.sql.tags import load_tags, tag_filter

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_COLUMNS = (artifacts.c.id, artifacts.c.project_id, artifacts.c.name, artifacts.c.created)
_LISTING = Listing(
    declared=ARTIFACTS,
    filters={
        "id": ColumnFilter(artifacts.c.id, FieldKind.ID),
        "name": ColumnFilter(artifacts.c.name, FieldKind.TEXT),
        "project_id": ColumnFilter(artifacts.c.project_id, FieldKind.ID),
        "created": ColumnFilter(artifacts.c.created, FieldKind.DATETIME),
        "tag": tag_filter(artifact_tags, artifacts.c.id),
    },
    sort_columns={"created": artifacts.c.created, "name": artifacts.c.name},
    id_column=artifacts.c.id,
    table=artifacts,
    source=artifacts,
    project=project_column(artifacts.c.project_id),
)


def get_artifact(connection: Connection, name_or_id: uuid.UUID | str) -> Artifact:
    """An artifact by id or name (a name shared by several projects: the oldest).

    Raises:
        EntityNotFoundError: no artifact has that id or name.
    """
    artifact_id = as_id(name_or_id)
    row = None
    if artifact_id is not None:
        row = connection.execute(select(*_COLUMNS).where(artifacts.c.id == artifact_id)).first()
    if row is None:
        statement = select(*_COLUMNS).where(artifacts.c.name == str(name_or_id))
        row = connection.execute(statement.order_by(artifacts.c.created).limit(1)).first()
    if row is None:
        raise EntityNotFoundError(
            f"No artifact with id or name '{name_or_id}'. List artifacts with "
            f"`headwater artifacts list`."
        )
    return _artifacts_from_rows(connection, [row])[0]


def list_artifacts(connection: Connection, query: ListQuery) -> Page[Artifact]:
    """A page of artifacts with their tags."""
    clauses = where_clauses(_LISTING, query, connection=connection)
    rows, total = fetch_page(connection, _LISTING, select(*_COLUMNS), query, clauses)
    items = tuple(_artifacts_from_rows(connection, rows))
    return Page(items=items, index=query.index, size=query.size, total=total)


def _artifacts_from_rows(
    connection: Connection, rows: Sequence[Row[*tuple[Any, ...]]]
) -> list[Artifact]:
    tags = load_tags(connection, artifact_tags, [row.id for row in rows])
    return [
        Artifact(
            id=row.id,
            project_id=row.project_id,
            name=row.name,
            created=row.created,
            tags=tags.get(row.id, ()),
        )
        for row in rows
    ]
