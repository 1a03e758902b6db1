"""Leaving out what the caller may not read from answers that span projects.

Lists are filtered in the store (`Caller.scope`); these cover the few answers that are
looked up by something other than a list query: a cache hit, a batch of artifact
versions by id, and the events of the live stream.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from headwater.server.access import Caller
from headwater.server.scopes import Locator, find_project_id
from headwater.store.base import Store
from headwater.store.events import StoreEvent
from headwater.store.models import ArtifactVersion, StepRun
from headwater.store.permissions import Resource


def readable_step(store: Store, caller: Caller, step: StepRun | None) -> StepRun | None:
    """The step run if the caller may read its run's project, else None."""
    if step is None or caller.is_unrestricted:
        return step
    project_id = find_project_id(store, Locator.RUN, str(step.run_id))
    return step if project_id and caller.may_read(Resource.STEP, project_id) else None


def readable_artifact_versions(
    store: Store, caller: Caller, found: dict[uuid.UUID, ArtifactVersion]
) -> dict[uuid.UUID, ArtifactVersion]:
    """The artifact versions whose artifact's project the caller may read."""
    if caller.is_unrestricted:
        return found
    projects: dict[uuid.UUID, uuid.UUID | None] = {}
    for version in found.values():
        if version.artifact_id not in projects:
            ref = str(version.artifact_id)
            projects[version.artifact_id] = find_project_id(store, Locator.ARTIFACT, ref)
    return {
        version_id: version
        for version_id, version in found.items()
        if (project := projects[version.artifact_id]) is not None
        and caller.may_read(Resource.ARTIFACT, project)
    }


class EventFilter:
    """Keeps the events of runs the caller may read; remembers each run's project."""

    def __init__(self, store: Store, caller: Caller) -> None:
        self._store = store
        self._caller = caller
        self._projects: dict[uuid.UUID, uuid.UUID | None] = {}

    def keep(self, events: Iterable[StoreEvent]) -> list[StoreEvent]:
        """The events the caller may see (a deleted run's events only to admins)."""
        if self._caller.is_unrestricted:
            return list(events)
        return [event for event in events if self._is_readable(event.run_id)]

    def _is_readable(self, run_id: uuid.UUID) -> bool:
        if run_id not in self._projects:
            self._projects[run_id] = find_project_id(self._store, Locator.RUN, str(run_id))
        project_id = self._projects[run_id]
        return project_id is not None and self._caller.may_read(Resource.RUN, project_id)
