"""`/metadata`: attach typed metadata, list every key in use, and draw a key's history."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from headwater.server.access import Caller, CallerDep
from headwater.server.dependencies import SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.schemas import MetadataAdd
from headwater.session import Session
from headwater.store.metadata_catalog import (
    DEFAULT_SERIES_POINTS,
    MAX_SERIES_POINTS,
    MetadataKey,
    MetadataKeyQuery,
    MetadataSeries,
    MetadataSeriesQuery,
)
from headwater.store.models import MetadataTarget
from headwater.store.permissions import Resource

router = APIRouter(tags=["metadata"], responses=ERROR_RESPONSES)

# Whose read permission lets a caller see the metadata of each resource type.
_READ_AS = {
    MetadataTarget.RUN: Resource.RUN,
    MetadataTarget.STEP_RUN: Resource.STEP,
    MetadataTarget.ARTIFACT_VERSION: Resource.ARTIFACT,
    MetadataTarget.MODEL_VERSION: Resource.MODEL_VERSION,
}
_PROJECT = "A project's id or name."
_PIPELINE = "Only entities of this pipeline (a model version: of a run of it)."


@router.post("/metadata", operation_id="add_metadata", status_code=status.HTTP_204_NO_CONTENT)
def add_metadata(body: MetadataAdd, session: SessionDep) -> Response:
    """Attach metadata entries; a key written again replaces its earlier value."""
    session.store.add_metadata(body.target, body.target_id, list(body.entries))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/metadata/keys", operation_id="list_metadata_keys")
def list_metadata_keys(
    session: SessionDep,
    caller: CallerDep,
    resource: MetadataTarget | None = None,
    pipeline_name: Annotated[str | None, Query(description=_PIPELINE)] = None,
    project: Annotated[str | None, Query(description=_PROJECT)] = None,
    since: Annotated[dt.datetime | None, Query(description="Written at or after.")] = None,
    until: Annotated[dt.datetime | None, Query(description="Written at or before.")] = None,
    search: Annotated[str | None, Query(description="Text the key contains.")] = None,
) -> list[MetadataKey]:
    """List every metadata key per resource type, with its value types and counts.

    Only entities in projects the caller may read are counted.
    """
    query = MetadataKeyQuery(
        resource=resource,
        pipeline_name=pipeline_name,
        project_id=_project_id(session, project),
        since=since,
        until=until,
        search=search,
        project_ids=_scopes(caller),
    )
    return session.store.list_metadata_keys(query)


@router.get("/metadata/series", operation_id="get_metadata_series")
def get_metadata_series(
    session: SessionDep,
    caller: CallerDep,
    key: Annotated[str, Query(min_length=1, description="The metadata key.")],
    resource: MetadataTarget = MetadataTarget.RUN,
    pipeline_name: Annotated[str | None, Query(description=_PIPELINE)] = None,
    project: Annotated[str | None, Query(description=_PROJECT)] = None,
    since: Annotated[dt.datetime | None, Query(description="Created at or after.")] = None,
    until: Annotated[dt.datetime | None, Query(description="Created at or before.")] = None,
    last: Annotated[
        int | None, Query(ge=1, le=1_000_000, description="Only the newest entities.")
    ] = None,
    max_points: Annotated[
        int, Query(ge=1, le=MAX_SERIES_POINTS, description="Buckets beyond this many.")
    ] = DEFAULT_SERIES_POINTS,
) -> MetadataSeries:
    """Get a metadata key's values over time, bucketed (min/max/mean) past `max_points`."""
    query = MetadataSeriesQuery(
        key=key,
        resource=resource,
        pipeline_name=pipeline_name,
        project_id=_project_id(session, project),
        since=since,
        until=until,
        last=last,
        max_points=max_points,
        project_ids=caller.readable_projects(_READ_AS[resource]),
    )
    return session.store.get_metadata_series(query)


def _scopes(caller: Caller) -> dict[MetadataTarget, tuple[uuid.UUID, ...]] | None:
    if caller.is_unrestricted:
        return None
    return {
        target: caller.readable_projects(resource) or () for target, resource in _READ_AS.items()
    }


def _project_id(session: Session, project: str | None) -> uuid.UUID | None:
    return None if project is None else session.store.get_project(project).id
