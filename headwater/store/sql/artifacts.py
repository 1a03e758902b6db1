"""Artifacts and their versions: numbering new versions, loading and listing them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, bindparam

from headwater.errors import EntityNotFoundError
from headwater.store.listings import ARTIFACT_VERSIONS
from headwater.store.models import (
    ArtifactVersion,
    MetadataTarget,
    Page,
)
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    RelatedFilter,
    project_column,
    project_via,
    where_clauses,
)
from headwater.store.sql.metadata_entries import (
    load_metadata,
)
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.recording.artifacts import select_versions, version_from_row
from headwater.store.sql.schema import (
    artifact_version_tags,
    artifact_versions,
    artifacts,
)
from headwater.store.sql.tags import load_tags, tag_filter

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_FROM = artifact_versions.join(artifacts, artifacts.c.id == artifact_versions.c.artifact_id)
_SELECT_VERSIONS: Select[Any] = select_versions()
_SELECT_VERSIONS_BY_ID = _SELECT_VERSIONS.where(
    artifact_versions.c.id.in_(bindparam("ids", expanding=True))
)
_LISTING = Listing(
    declared=ARTIFACT_VERSIONS,
    filters={
        "id": ColumnFilter(artifact_versions.c.id, FieldKind.ID),
        "artifact_id": ColumnFilter(artifact_versions.c.artifact_id, FieldKind.ID),
        "artifact_name": RelatedFilter(
            artifacts.c.name, FieldKind.TEXT, artifact_versions.c.artifact_id, artifacts.c.id
        ),
        "version": ColumnFilter(artifact_versions.c.version, FieldKind.INTEGER),
        "content_hash": ColumnFilter(artifact_versions.c.content_hash, FieldKind.TEXT),
        "uri": ColumnFilter(artifact_versions.c.uri, FieldKind.TEXT),
        "size_bytes": ColumnFilter(artifact_versions.c.size_bytes, FieldKind.INTEGER),
        "producer_step_run_id": ColumnFilter(
            artifact_versions.c.producer_step_run_id, FieldKind.ID
        ),
        "data_type": ColumnFilter(artifact_versions.c.data_type, FieldKind.TEXT),
        "materializer": ColumnFilter(artifact_versions.c.materializer, FieldKind.TEXT),
        "created": ColumnFilter(artifact_versions.c.created, FieldKind.DATETIME),
        "tag": tag_filter(artifact_version_tags, artifact_versions.c.id),
    },
    sort_columns={
        "created": artifact_versions.c.created,
        "version": artifact_versions.c.version,
        "artifact_name": artifacts.c.name,
        "size_bytes": artifact_versions.c.size_bytes,
    },
    id_column=artifact_versions.c.id,
    table=artifact_versions,
    source=_FROM,
    project=project_via(
        artifact_versions.c.artifact_id, artifacts.c.id, project_column(artifacts.c.project_id)
    ),
)


def get_artifact_versions(
    connection: Connection, version_ids: list[uuid.UUID]
) -> dict[uuid.UUID, ArtifactVersion]:
    """Many artifact versions by id, in three queries; unknown ids are absent."""
    if not version_ids:
        return {}
    rows = connection.execute(_SELECT_VERSIONS_BY_ID, {"ids": list(set(version_ids))}).all()
    return {version.id: version for version in _versions_from_rows(connection, rows)}


def get_artifact_version(connection: Connection, version_id: uuid.UUID) -> ArtifactVersion:
    """One artifact version.

    Raises:
        EntityNotFoundError: no artifact version has that id.
    """
    found = get_artifact_versions(connection, [version_id]).get(version_id)
    if found is None:
        raise EntityNotFoundError(
            f"No artifact version with id '{version_id}'. List artifact versions with "
            f"`Client().list_artifact_versions()`."
        )
    return found


def list_artifact_versions(connection: Connection, query: ListQuery) -> Page[ArtifactVersion]:
    """A page of artifact versions matching the query, with metadata and tags."""
    clauses = where_clauses(_LISTING, query, connection=connection)
    rows, total = fetch_page(connection, _LISTING, _SELECT_VERSIONS, query, clauses)
    items = tuple(_versions_from_rows(connection, rows))
    return Page(items=items, index=query.index, size=query.size, total=total)


def _versions_from_rows(
    connection: Connection, rows: Sequence[Row[*tuple[Any, ...]]]
) -> list[ArtifactVersion]:
    ids = [row.id for row in rows]
    metadata = load_metadata(connection, MetadataTarget.ARTIFACT_VERSION, ids)
    tags = load_tags(connection, artifact_version_tags, ids)
    return [
        version_from_row(row._mapping, metadata.get(row.id, {}), tags.get(row.id, ()))
        for row in rows
    ]
