"""The `Client`'s catalog methods: step runs, artifacts, tags, users, projects, deleting
and pruning, with ZenML's names and arguments.

Example:
    ```python
    from headwater import Client

    client = Client()
    client.list_run_steps(pipeline_run_id=run.id, status="failed")
    client.add_tags(["baseline"], run="training-12")
    client.prune_artifacts(dry_run=True)      # what would go, deleting nothing
    ```

Domain modules (pydantic models, responses) are imported inside the methods that use
them, so `from headwater import Client` stays fast (benchmarks/core.py measures it).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Unpack

from headwater.client.page import Page
from headwater.errors import ArtifactError, HeadwaterError

if TYPE_CHECKING:
    from headwater.artifacts.staging import StagingCleanup
    from headwater.responses import (
        ArtifactResponse,
        ArtifactVersionResponse,
        PipelineRunResponse,
        StepRunResponse,
    )
    from headwater.session import Session
    from headwater.store.catalog_models import Tag, TagTarget
    from headwater.store.filters import ListQuery
    from headwater.store.listings import ArtifactFilters, NamedFilters, StepRunFilters
    from headwater.store.models import Project, User

logger = logging.getLogger("headwater")

NameOrId = str | uuid.UUID


@dataclass(frozen=True, slots=True)
class PruneResult:
    """What `prune_artifacts` removed, or on a dry run would remove."""

    artifact_versions: list[ArtifactVersionResponse]
    deleted_uris: list[str]
    dry_run: bool
    # Folders that saves killed midway left in the artifact store's `.tmp/`, and bytes.
    abandoned_saves: int = 0
    abandoned_save_bytes: int = 0

    @property
    def size_bytes(self) -> int:
        """Bytes of the pruned versions (counted once per distinct location)."""
        sizes = {v.uri: v.size_bytes for v in self.artifact_versions}
        return sum(sizes.values())


class CatalogClientMixin:
    """Step runs, artifacts, tags, users and projects; deleting and pruning. Mixed into
    `Client`."""

    _session: Session
    # From `AccessClientMixin`: limits a list to the active project.
    _active_project_filter: Callable[[dict[str, Any]], dict[str, Any]]

    # --- step runs --------------------------------------------------------------------

    def list_run_steps(
        self,
        *,
        sort_by: str = "asc:created",
        page: int = 1,
        size: int = 20,
        pipeline_run_id: NameOrId | None = None,
        **filters: Unpack[StepRunFilters],
    ) -> Page[StepRunResponse]:
        """List step runs; `pipeline_run_id` takes a run's id or name.

        Args:
            sort_by: `"asc:created"`, `"desc:ended"`, ...
            page: Page number, from 1.
            size: Step runs per page.
            pipeline_run_id: Only the steps of this run (id or name).
            **filters: Field -> filter, for any field `StepRunFilters` declares
                (`store/listings.py`), such as `status` or `input_artifact_version_id`.

        Raises:
            FilterError: a filter or sort key is malformed or names an unknown field.
            EntityNotFoundError: `pipeline_run_id` names no run.
        """
        from headwater.responses import StepRunResponse

        if pipeline_run_id is not None:
            filters["run_id"] = str(self._session.store.get_run(pipeline_run_id).id)
        result = self._session.store.list_step_runs(_query(dict(filters), sort_by, page, size))
        return Page.of(result, lambda s: StepRunResponse(s, self._session))

    # --- artifacts --------------------------------------------------------------------

    def get_artifact(self, name_id_or_prefix: NameOrId) -> ArtifactResponse:
        """Get an artifact (the series of versions saved under one name) by name or id.

        Raises:
            EntityNotFoundError: no artifact has that name or id.
        """
        from headwater.responses import ArtifactResponse

        return ArtifactResponse(self._session.store.get_artifact(name_id_or_prefix), self._session)

    def list_artifacts(
        self,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[ArtifactFilters],
    ) -> Page[ArtifactResponse]:
        """List artifacts; filters on any field `ArtifactFilters` declares
        (`name="contains:model"`, `data_type="contains:DataFrame"`)."""
        from headwater.responses import ArtifactResponse

        scoped = self._active_project_filter(dict(filters))
        result = self._session.store.list_artifacts(_query(scoped, sort_by, page, size))
        return Page.of(result, lambda a: ArtifactResponse(a, self._session))

    def prune_artifacts(
        self,
        *,
        dry_run: bool = False,
        only_versions: bool = True,
        delete_from_artifact_store: bool = True,
    ) -> PruneResult:
        """Delete artifact versions no remaining step run or model version uses, and
        their bytes when nothing else points at them; and what saves killed midway left
        in the active artifact store's `.tmp/`.

        The records go first (in one transaction), the bytes after: a crash in between
        leaves unused bytes behind, never a record pointing at missing bytes. Steps
        saving into any artifact store wait while a prune deletes, and a prune
        waits for steps whose saved outputs are not recorded yet (see
        `headwater/artifacts/prune_lock.py`) on local disks; everywhere, a prune keeps
        the folders steps have claimed in the metadata store, and steps wait for the
        folders it claimed (`headwater/store/sql/artifact_claims.py`).

        Args:
            dry_run: Only say what would be deleted.
            only_versions: Keep artifacts left without versions (their names and tags).
            delete_from_artifact_store: Delete the bytes too (ZenML keeps them by
                default; pruning here means freeing space, so the default is True).
        """
        from headwater.responses import ArtifactVersionResponse

        # Dry runs delete nothing, so they need not wait for saving steps. A prune deletes
        # from every artifact store, so it keeps steps out of each, not only the active one.
        with ExitStack() as window:
            if not dry_run:
                for artifact_store in self._session.artifact_stores():
                    window.enter_context(artifact_store.pruning())
            prune = self._session.store.prune_artifact_versions(
                dry_run=dry_run, only_versions=only_versions
            )
            uris = list(prune.unreferenced_uris) if delete_from_artifact_store else []
            if not dry_run:
                for uri in uris:
                    self._delete_bytes(uri)
            if prune.claim_id is not None:  # runs saving into these folders may go on
                self._session.store.release_artifact_claim(prune.claim_id)
        abandoned = self.remove_abandoned_saves(dry_run=dry_run)
        versions = [ArtifactVersionResponse(v, self._session) for v in prune.versions]
        return PruneResult(versions, uris, dry_run, abandoned.folders, abandoned.size_bytes)

    def remove_abandoned_saves(self, *, dry_run: bool = False) -> StagingCleanup:
        """Remove the folders that saves killed midway left in the active artifact
        store's `.tmp/`: those whose process has ended (and, when that cannot be
        checked, those untouched for a day). `prune_artifacts` does this too.

        Args:
            dry_run: Only count the folders and their bytes.
        """
        return self._session.artifact_store.remove_abandoned_saves(dry_run=dry_run)

    # --- stopping and deleting runs, deleting pipelines --------------------------------

    def stop_pipeline_run(self, name_id_or_prefix: NameOrId) -> PipelineRunResponse:
        """Record a run that has not ended as stopped, with its steps that have not.

        This records the stop (so the run can be deleted, say); it does not signal a
        process still executing the run. Interrupt that one with Ctrl-C, which records
        the same.

        Raises:
            EntityNotFoundError: no run has that name or id.
            StatusTransitionError: the run has already ended.
        """
        from headwater.errors import StatusTransitionError
        from headwater.responses import PipelineRunResponse
        from headwater.store.models import ExecutionStatus

        run = self._session.store.get_run(name_id_or_prefix)
        if run.status.is_finished:
            raise StatusTransitionError(
                f"Run '{run.name}' already ended as '{run.status}'; only a run that is "
                f"initializing or running can be stopped. Delete it with "
                f"`headwater runs delete {run.name}`."
            )
        stopped = self._session.store.update_run_status(
            run.id,
            ExecutionStatus.STOPPED,
            exception="Stopped by hand (`headwater runs stop` or `Client.stop_pipeline_run`).",
        )
        return PipelineRunResponse(stopped, self._session)

    def delete_pipeline_run(self, name_id_or_prefix: NameOrId) -> None:
        """Delete a run with its step runs, metadata and logs; artifact versions stay
        (`prune_artifacts` removes the ones nothing uses any more).

        Raises:
            EntityNotFoundError: no run has that name or id.
            EntityInUseError: the run has not ended; stop it first
                (`stop_pipeline_run`).
        """
        from headwater.responses import PipelineRunResponse

        run = PipelineRunResponse(self._session.store.get_run(name_id_or_prefix), self._session)
        logs = [s.model.log_uri for s in run.steps.values() if s.model.log_uri]
        self._session.store.delete_run(run.id)
        for uri in logs:
            self._delete_bytes(uri)

    def delete_pipeline(self, name_id_or_prefix: NameOrId) -> None:
        """Delete a pipeline with all its runs (and their logs); artifact versions stay.

        Raises:
            EntityNotFoundError: no pipeline has that name or id.
        """
        from headwater.store.filters import ListQuery

        pipeline = self._session.store.get_pipeline(name_id_or_prefix)
        runs = self._session.store.list_runs(
            ListQuery(filters={"pipeline_id": str(pipeline.id)}, size=10_000)
        )
        logs = [
            step.log_uri
            for run in runs.items
            for step in self._session.store.list_step_runs(
                ListQuery(filters={"run_id": str(run.id)}, size=10_000)
            ).items
            if step.log_uri
        ]
        self._session.store.delete_pipeline(pipeline.id)
        for uri in logs:
            self._delete_bytes(uri)

    # --- tags -------------------------------------------------------------------------

    def add_tags(
        self,
        tags: Sequence[str],
        *,
        run: NameOrId | None = None,
        artifact: NameOrId | None = None,
        artifact_version_id: uuid.UUID | None = None,
    ) -> None:
        """Tag a run, an artifact or an artifact version (name exactly one).

        Raises:
            HeadwaterError: no target, or several, were named.
            EntityNotFoundError: the target does not exist.
        """
        target, target_id = self._tag_target(run, artifact, artifact_version_id)
        self._session.store.add_tags(target, target_id, list(tags))

    def remove_tags(
        self,
        tags: Sequence[str],
        *,
        run: NameOrId | None = None,
        artifact: NameOrId | None = None,
        artifact_version_id: uuid.UUID | None = None,
    ) -> None:
        """Remove tags from a run, an artifact or an artifact version (name exactly one)."""
        target, target_id = self._tag_target(run, artifact, artifact_version_id)
        self._session.store.remove_tags(target, target_id, list(tags))

    def get_tag(self, name_id_or_prefix: NameOrId) -> Tag:
        """Get a tag by name or id."""
        return self._session.store.get_tag(name_id_or_prefix)

    def list_tags(
        self,
        *,
        sort_by: str = "asc:name",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[NamedFilters],
    ) -> Page[Tag]:
        """List tags; filters on id, name, created."""
        result = self._session.store.list_tags(_query(dict(filters), sort_by, page, size))
        return Page.of(result, lambda item: item)

    # --- users and projects ------------------------------------------------------------

    def get_user(self, name_id_or_prefix: NameOrId) -> User:
        """Get a user by name or id."""
        return self._session.store.get_user(name_id_or_prefix)

    def list_users(
        self,
        *,
        sort_by: str = "asc:name",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[NamedFilters],
    ) -> Page[User]:
        """List users; filters on id, name, created."""
        result = self._session.store.list_users(_query(dict(filters), sort_by, page, size))
        return Page.of(result, lambda item: item)

    def get_project(self, name_id_or_prefix: NameOrId) -> Project:
        """Get a project by name or id."""
        return self._session.store.get_project(name_id_or_prefix)

    def list_projects(
        self,
        *,
        sort_by: str = "asc:name",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[NamedFilters],
    ) -> Page[Project]:
        """List projects; filters on id, name, created."""
        result = self._session.store.list_projects(_query(dict(filters), sort_by, page, size))
        return Page.of(result, lambda item: item)

    # --- helpers ----------------------------------------------------------------------

    def _tag_target(
        self,
        run: NameOrId | None,
        artifact: NameOrId | None,
        artifact_version_id: uuid.UUID | None,
    ) -> tuple[TagTarget, uuid.UUID]:
        from headwater.store.catalog_models import TagTarget

        named = [n for n, v in (("run", run), ("artifact", artifact)) if v is not None]
        if artifact_version_id is not None:
            named.append("artifact_version_id")
        if len(named) != 1:
            raise HeadwaterError(
                f"Name exactly one thing to tag, with run=, artifact= or "
                f"artifact_version_id=; got {', '.join(named) or 'none'}."
            )
        store = self._session.store
        if run is not None:
            return TagTarget.RUN, store.get_run(run).id
        if artifact is not None:
            return TagTarget.ARTIFACT, store.get_artifact(artifact).id
        assert artifact_version_id is not None
        return TagTarget.ARTIFACT_VERSION, store.get_artifact_version(artifact_version_id).id

    def _delete_bytes(self, uri: str) -> None:
        # The record is already gone: failing here would only hide that it worked.
        try:
            self._session.artifact_store_for(uri).delete(uri)
        except (ArtifactError, OSError) as exc:
            logger.warning("Could not delete '%s' from the artifact store: %s", uri, exc)


def _query(filters: dict[str, Any], sort_by: str, page: int, size: int) -> ListQuery:
    from headwater.store.filters import ListQuery

    return ListQuery(
        filters={k: v for k, v in filters.items() if v is not None},
        sort_by=sort_by,
        index=page,
        size=size,
    )
