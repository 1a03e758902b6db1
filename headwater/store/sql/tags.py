"""Tags: created on first use, linked to runs, artifacts, artifact versions and models."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, Table, bindparam, delete, exists, select

from headwater.errors import EntityNotFoundError, FilterError
from headwater.store.catalog_models import Tag, TagTarget
from headwater.store.listings import TAGS
from headwater.store.models import Page
from headwater.store.sql.filtering import (
    ColumnFilter,
    ConditionBuilder,
    FieldKind,
    Listing,
    text_condition,
    where_clauses,
)
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.recording.rows import as_id
from headwater.store.sql.recording.tags import tag_target
from headwater.store.sql.schema import (
    artifact_tags,
    artifact_version_tags,
    artifact_versions,
    artifacts,
    model_tags,
    models,
    run_tags,
    runs,
    tags,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.filters import Condition, ListQuery


def load_tags(
    connection: Connection, link: Table, target_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[str, ...]]:
    """Tag names of many targets in one query, sorted; untagged targets are absent."""
    if not target_ids:
        return {}
    rows = connection.execute(_select_tags(link), {"ids": target_ids})
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    for target_id, name in rows:
        found[target_id].append(name)
    # Sorted here, not in SQL: database collations disagree on case and accents.
    return {target_id: tuple(sorted(names)) for target_id, names in found.items()}


def tag_filter(link: Table, target_id_column: ColumnElement[Any]) -> ConditionBuilder:
    """A `tag` filter: targets having at least one tag that matches the condition."""
    target = link.c[_target_column(link)]

    def build(condition: Condition) -> ColumnElement[bool]:
        return exists(
            select(link.c.tag_id)
            .join(tags, tags.c.id == link.c.tag_id)
            .where(target == target_id_column, text_condition(tags.c.name, condition))
        )

    return build


@functools.cache
def _select_tags(link: Table) -> Select[uuid.UUID, str]:
    target = link.c[_target_column(link)]
    return (
        select(target, tags.c.name)
        .join(tags, tags.c.id == link.c.tag_id)
        .where(target.in_(bindparam("ids", expanding=True)))
    )


def _target_column(link: Table) -> str:
    return next(c.name for c in link.primary_key.columns if c.name != "tag_id")


# --- the catalog of tags, and tagging by the user --------------------------------------

LINKS: dict[TagTarget, tuple[Table, Table]] = {
    TagTarget.RUN: (run_tags, runs),
    TagTarget.ARTIFACT: (artifact_tags, artifacts),
    TagTarget.ARTIFACT_VERSION: (artifact_version_tags, artifact_versions),
    TagTarget.MODEL: (model_tags, models),
}
_LISTING = Listing(
    declared=TAGS,
    filters={
        "id": ColumnFilter(tags.c.id, FieldKind.ID),
        "name": ColumnFilter(tags.c.name, FieldKind.TEXT),
        "created": ColumnFilter(tags.c.created, FieldKind.DATETIME),
    },
    sort_columns={"created": tags.c.created, "name": tags.c.name},
    id_column=tags.c.id,
    table=tags,
    source=tags,
)


def add_tags(
    connection: Connection,
    target: TagTarget,
    target_id: uuid.UUID,
    names: Sequence[str],
    now: dt.datetime,
) -> None:
    """Attach tags to one run, artifact, artifact version or model (tags made on first use).

    Raises:
        EntityNotFoundError: nothing of that kind has the id.
    """
    link, table = LINKS[target]
    _check_target(connection, target, table, target_id)
    tag_target(connection, link.name, target_id, tuple(_clean(names)), now)


def remove_tags(
    connection: Connection, target: TagTarget, target_id: uuid.UUID, names: Sequence[str]
) -> None:
    """Detach tags from one target; a tag it does not carry is fine. The tags stay.

    Raises:
        EntityNotFoundError: nothing of that kind has the id.
    """
    link, table = LINKS[target]
    _check_target(connection, target, table, target_id)
    tag_ids = select(tags.c.id).where(tags.c.name.in_(_clean(names)))
    target_column = link.c[_target_column(link)]
    connection.execute(delete(link).where(target_column == target_id, link.c.tag_id.in_(tag_ids)))


def get_tag(connection: Connection, name_or_id: uuid.UUID | str) -> Tag:
    """A tag by id or name.

    Raises:
        EntityNotFoundError: no tag has that id or name.
    """
    row = None
    tag_id = as_id(name_or_id)
    if tag_id is not None:
        row = connection.execute(select(tags).where(tags.c.id == tag_id)).first()
    if row is None:
        row = connection.execute(select(tags).where(tags.c.name == str(name_or_id))).first()
    if row is None:
        raise EntityNotFoundError(
            f"No tag with id or name '{name_or_id}'. List tags with `headwater tags list`."
        )
    return Tag(id=row.id, name=row.name, created=row.created)


def list_tags(connection: Connection, query: ListQuery) -> Page[Tag]:
    """A page of tags. Filterable: id, name, created. Sortable: created, name."""
    clauses = where_clauses(_LISTING, query, connection=connection)
    rows, total = fetch_page(connection, _LISTING, select(tags), query, clauses)
    items = tuple(Tag(id=row.id, name=row.name, created=row.created) for row in rows)
    return Page(items=items, index=query.index, size=query.size, total=total)


def _clean(names: Sequence[str]) -> list[str]:
    if isinstance(names, str):
        names = [names]  # a single tag passed bare is a tag, not its characters
    cleaned = sorted({name.strip() for name in names})
    if not cleaned or "" in cleaned:
        raise FilterError(
            f"Tag names must be non-empty text; got {list(names)!r}. Pass names such as "
            f"['nightly', 'baseline']."
        )
    return cleaned


def _check_target(
    connection: Connection, target: TagTarget, table: Table, target_id: uuid.UUID
) -> None:
    if connection.execute(select(table.c.id).where(table.c.id == target_id)).first() is None:
        raise EntityNotFoundError(
            f"Cannot tag {target.replace('_', ' ')} '{target_id}': there is none with that "
            f"id. Check the id you passed."
        )
