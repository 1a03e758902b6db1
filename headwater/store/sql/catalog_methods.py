"""The catalog calls of `SqlStore`: artifacts by name, tags, users, projects, deleting
pipelines and pruning artifact versions.

A mixin so `store.py` stays about the engines and transactions; each method is one
transaction around a function of the concept's own module.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from headwater.store.events import EventChange, EventEntity
from headwater.store.models import utc_now
from headwater.store.sql import accounts, artifact_names, pipelines, pruning, tags
from headwater.store.sql.recording import events

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.catalog_models import ArtifactPrune, Tag, TagTarget
    from headwater.store.filters import ListQuery
    from headwater.store.models import Artifact, Page, Project, User


class SqlCatalogMethods:
    """`Store`'s catalog methods on SQL; mixed into `SqlStore`, which gives the transactions."""

    _read: Callable[[], AbstractContextManager[Connection]]
    _write: Callable[..., AbstractContextManager[Connection]]

    def get_artifact(self, name_or_id: uuid.UUID | str) -> Artifact:
        """See `Store.get_artifact`."""
        with self._read() as connection:
            return artifact_names.get_artifact(connection, name_or_id)

    def list_artifacts(self, query: ListQuery) -> Page[Artifact]:
        """See `Store.list_artifacts`."""
        with self._read() as connection:
            return artifact_names.list_artifacts(connection, query)

    def delete_pipeline(self, pipeline_id: uuid.UUID) -> None:
        """See `Store.delete_pipeline`."""
        now = utc_now()
        with self._write() as connection:
            deleted = pipelines.delete_pipeline(connection, pipeline_id)
            # Live views drop each run, as when runs are deleted one by one.
            events.record_events(
                connection,
                [
                    {
                        "created": now,
                        "entity": EventEntity.RUN.value,
                        "entity_id": run_id,
                        "run_id": run_id,
                        "name": None,
                        "change": EventChange.DELETED.value,
                        "status": None,
                    }
                    for run_id in deleted
                ],
            )

    def prune_artifact_versions(self, *, dry_run: bool, only_versions: bool) -> ArtifactPrune:
        """See `Store.prune_artifact_versions`."""
        with self._write() as connection:
            return pruning.prune_artifact_versions(
                connection, dry_run=dry_run, only_versions=only_versions
            )

    def add_tags(self, target: TagTarget, target_id: uuid.UUID, names: Sequence[str]) -> None:
        """See `Store.add_tags`."""
        with self._write() as connection:
            tags.add_tags(connection, target, target_id, names, utc_now())

    def remove_tags(self, target: TagTarget, target_id: uuid.UUID, names: Sequence[str]) -> None:
        """See `Store.remove_tags`."""
        with self._write() as connection:
            tags.remove_tags(connection, target, target_id, names)

    def get_tag(self, name_or_id: uuid.UUID | str) -> Tag:
        """See `Store.get_tag`."""
        with self._read() as connection:
            return tags.get_tag(connection, name_or_id)

    def list_tags(self, query: ListQuery) -> Page[Tag]:
        """See `Store.list_tags`."""
        with self._read() as connection:
            return tags.list_tags(connection, query)

    def get_user(self, name_or_id: uuid.UUID | str) -> User:
        """See `Store.get_user`."""
        with self._read() as connection:
            return accounts.get_user(connection, name_or_id)

    def list_users(self, query: ListQuery) -> Page[User]:
        """See `Store.list_users`."""
        with self._read() as connection:
            return accounts.list_users(connection, query)

    def get_project(self, name_or_id: uuid.UUID | str) -> Project:
        """See `Store.get_project`."""
        with self._read() as connection:
            return accounts.get_project(connection, name_or_id)

    def list_projects(self, query: ListQuery) -> Page[Project]:
        """See `Store.list_projects`."""
        with self._read() as connection:
            return accounts.list_projects(connection, query)
