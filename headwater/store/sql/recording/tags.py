"""Tagging what a run records (its run, artifacts and versions), and reading one's tags."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from typing import Any

from headwater.store.sql.prepared import Executor, PreparedStatement
from headwater.store.sql.recording.rows import ensure_row, insert_ignoring_duplicates, table_named

# Each tag link table, with the column naming what it tags.
TAG_LINKS = {
    "run_tags": "run_id",
    "artifact_tags": "artifact_id",
    "artifact_version_tags": "artifact_version_id",
    "model_tags": "model_id",
}


def tag_target(
    connection: Executor,
    link: str,
    target_id: uuid.UUID,
    names: tuple[str, ...],
    now: dt.datetime,
) -> None:
    """Attach tags (created on first use) to one target through the link table `link`."""
    if not names:
        return
    target_column = TAG_LINKS[link]
    rows = [
        {
            target_column: target_id,
            "tag_id": ensure_row(connection, "tags", {"name": n}, {"created": now}),
        }
        # Sorted, so concurrent writers creating the same new tags wait on each other in
        # the same order instead of deadlocking (PostgreSQL).
        for n in sorted(set(names))
    ]
    insert_ignoring_duplicates(link).execute_many(connection, rows)


@functools.cache
def _tags_of_one(link: str) -> PreparedStatement:
    def build(_dialect: str) -> Any:
        from sqlalchemy import bindparam, select

        table, tags = table_named(link), table_named("tags")
        return (
            select(tags.c.name)
            .select_from(table.join(tags, tags.c.id == table.c.tag_id))
            .where(table.c[TAG_LINKS[link]] == bindparam("target_id"))
        )

    return PreparedStatement(build, name=f"tags.tags_of_one.{link}")


def declare_tag_statements(link: str) -> None:
    """Make the statements tagging and reading the tags of `link`'s targets."""
    _tags_of_one(str(link))
    insert_ignoring_duplicates(link)


def load_tags_of_one(executor: Executor, link: str, target_id: uuid.UUID) -> tuple[str, ...]:
    """The sorted tag names of one target, as `load_tags` gives them, on the hot path."""
    rows = _tags_of_one(str(link)).execute_tuples(executor, {"target_id": target_id})
    # Sorted here, not in SQL: database collations disagree on case and accents.
    return tuple(sorted(name for (name,) in rows))
