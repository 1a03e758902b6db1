"""Tags: created on first use, linked to runs, artifacts and artifact versions."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, Table, bindparam, exists, select

from headwater.store.sql.filtering import ConditionBuilder, text_condition
from headwater.store.sql.inserts import ensure_row, insert_ignoring_duplicates
from headwater.store.sql.schema import tags

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.filters import Condition
    from headwater.store.sql.prepared import Executor


def tag_target(
    connection: Executor,
    link: Table,
    target_id: uuid.UUID,
    names: tuple[str, ...],
    now: dt.datetime,
) -> None:
    """Attach tags (created on first use) to one run, artifact or artifact version."""
    if not names:
        return
    target_column = _target_column(link)
    rows = [
        {
            target_column: target_id,
            "tag_id": ensure_row(connection, tags, {"name": n}, {"created": now}),
        }
        # Sorted, so concurrent writers creating the same new tags wait on each other in
        # the same order instead of deadlocking (PostgreSQL).
        for n in sorted(set(names))
    ]
    insert_ignoring_duplicates(link).execute_many(connection, rows)


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
