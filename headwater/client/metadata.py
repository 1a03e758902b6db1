"""The `Client`'s metadata explorer: every key in use, and one key's values over time.

Example:
    ```python
    from headwater import Client

    client = Client()
    client.list_metadata_keys(resource="run")          # key, types, count, first/last seen
    client.metadata_series("accuracy", pipeline_name="training", last=1000)
    ```
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from headwater.errors import EntityNotFoundError, FilterError

if TYPE_CHECKING:
    from headwater.session import Session
    from headwater.store.metadata_catalog import MetadataKey, MetadataSeries
    from headwater.store.models import MetadataTarget

# What `resource` may say: the store's names, and "step" for a step run.
RESOURCE_NAMES = ("run", "step", "step_run", "artifact_version", "model_version")


class MetadataClientMixin:
    """The key catalog and key series of the active project. Mixed into `Client`."""

    _session: Session

    def list_metadata_keys(
        self,
        *,
        resource: str | None = None,
        pipeline_name: str | None = None,
        project: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        search: str | None = None,
    ) -> list[MetadataKey]:
        """Every metadata key per resource type, with its value types, how many entities
        carry it and when it was first and last written.

        Args:
            resource: "run", "step", "artifact_version" or "model_version"; all when None.
            pipeline_name: Only entities of this pipeline.
            project: A project's name or id; the active project when None.
            since: Only values written at or after this time.
            until: Only values written at or before this time.
            search: Only keys containing this text (any case).

        Raises:
            FilterError: `resource` is not one of the names above.
        """
        from headwater.store.metadata_catalog import MetadataKeyQuery

        target = None if resource is None else resource_target(resource)
        project_id = self._project_id(project)
        if project_id is None:
            return []
        query = MetadataKeyQuery(
            resource=target,
            pipeline_name=pipeline_name,
            project_id=project_id,
            since=since,
            until=until,
            search=search,
        )
        return self._session.store.list_metadata_keys(query)

    def metadata_series(
        self,
        key: str,
        *,
        resource: str = "run",
        pipeline_name: str | None = None,
        project: str | None = None,
        last: int | None = None,
        max_points: int = 2_000,
    ) -> MetadataSeries:
        """A metadata key's values over runs (or step runs, artifact or model versions),
        oldest first; past `max_points`, buckets per pipeline with min, max and mean.

        Args:
            key: The metadata key, such as "accuracy".
            resource: "run", "step", "artifact_version" or "model_version".
            pipeline_name: Only entities of this pipeline.
            project: A project's name or id; the active project when None.
            last: Only the newest `last` entities carrying the key.
            max_points: At most this many points (1 to 10,000).

        Raises:
            FilterError: `resource` is not one of the names above.
        """
        from headwater.store.metadata_catalog import MetadataSeries, MetadataSeriesQuery

        target = resource_target(resource)
        project_id = self._project_id(project)
        if project_id is None:
            return MetadataSeries(key=key, resource=target, total=0, is_aggregated=False, points=())
        query = MetadataSeriesQuery(
            key=key,
            resource=target,
            pipeline_name=pipeline_name,
            project_id=project_id,
            last=last,
            max_points=max_points,
        )
        return self._session.store.get_metadata_series(query)

    def _project_id(self, project: str | None) -> uuid.UUID | None:
        """The id of `project` (or the active project); None when it does not exist."""
        try:
            return self._session.store.get_project(project or self._session.settings.project).id
        except EntityNotFoundError:
            if project is not None:
                raise
            return None


def resource_target(name: str) -> MetadataTarget:
    """The metadata target a resource name means ("step" is a step run).

    Raises:
        FilterError: the name is not one of `RESOURCE_NAMES`.
    """
    from headwater.store.models import MetadataTarget

    if name not in RESOURCE_NAMES:
        raise FilterError(
            f"There is no resource '{name}' with metadata. Use one of: {', '.join(RESOURCE_NAMES)}."
        )
    return MetadataTarget.STEP_RUN if name == "step" else MetadataTarget(name)
