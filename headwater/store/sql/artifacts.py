"""Artifacts and their versions: numbering new versions, loading and listing them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, bindparam, select, update

from headwater.errors import EntityNotFoundError
from headwater.store.listings import ARTIFACT_VERSIONS
from headwater.store.models import (
    ArtifactVersion,
    ArtifactVersionCreate,
    MetadataEntry,
    MetadataTarget,
    Page,
    Visualization,
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
from headwater.store.sql.ids import new_id
from headwater.store.sql.inserts import insert_ignoring_duplicates
from headwater.store.sql.metadata_entries import (
    load_metadata,
    load_metadata_of_one,
    metadata_rows,
)
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.prepared import Executor, PreparedStatement
from headwater.store.sql.schema import (
    artifact_tags,
    artifact_version_tags,
    artifact_versions,
    artifacts,
)
from headwater.store.sql.tags import load_tags, load_tags_of_one, tag_filter, tag_target

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_FROM = artifact_versions.join(artifacts, artifacts.c.id == artifact_versions.c.artifact_id)
_SELECT_VERSIONS: Select[Any] = select(
    artifact_versions, artifacts.c.name.label("artifact_name")
).select_from(_FROM)
_SELECT_VERSIONS_BY_ID = _SELECT_VERSIONS.where(
    artifact_versions.c.id.in_(bindparam("ids", expanding=True))
)
# Bumping the counter locks the artifact's row until commit: no two versions share a number.
_NUMBER_VERSION = PreparedStatement(
    update(artifacts)
    .where(
        artifacts.c.project_id == bindparam("in_project"),
        artifacts.c.name == bindparam("named"),
    )
    .values(version_count=artifacts.c.version_count + 1)
    .returning(artifacts.c.id, artifacts.c.version_count),
    name="artifacts.number_version",
)
_INSERT_VERSION = PreparedStatement(artifact_versions.insert(), name="artifacts.insert_version")
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


def create_artifact_version(
    connection: Executor,
    output: ArtifactVersionCreate,
    *,
    project_id: uuid.UUID,
    producer_step_run_id: uuid.UUID,
    now: dt.datetime,
) -> tuple[uuid.UUID, list[dict[str, Any]]]:
    """Insert the next version of `output.artifact_name` (the artifact is made on first use).

    Returns the new version's id and its metadata rows, for the caller to write in bulk.
    """
    artifact_id, version = _number_next_version(connection, project_id, output.artifact_name, now)
    version_id = new_id()
    _INSERT_VERSION.execute(
        connection,
        {
            "id": version_id,
            "artifact_id": artifact_id,
            "version": version,
            "uri": output.uri,
            "content_hash": output.content_hash,
            "data_type": output.data_type,
            "materializer": output.materializer,
            "size_bytes": output.size_bytes,
            "visualizations": [v.model_dump(mode="json") for v in output.visualizations],
            "producer_step_run_id": producer_step_run_id,
            "created": now,
        },
    )
    if output.tags:
        tag_target(connection, artifact_version_tags, version_id, output.tags, now)
        tag_target(connection, artifact_tags, artifact_id, output.tags, now)
    rows = metadata_rows(MetadataTarget.ARTIFACT_VERSION, version_id, output.metadata, now)
    return version_id, rows


def get_artifact_versions(
    connection: Connection, version_ids: list[uuid.UUID]
) -> dict[uuid.UUID, ArtifactVersion]:
    """Many artifact versions by id, in three queries; unknown ids are absent."""
    if not version_ids:
        return {}
    rows = connection.execute(_SELECT_VERSIONS_BY_ID, {"ids": list(set(version_ids))}).all()
    return {version.id: version for version in _versions_from_rows(connection, rows)}


_SELECT_ONE_VERSION = PreparedStatement(
    _SELECT_VERSIONS.where(artifact_versions.c.id == bindparam("version_id")),
    name="artifacts.select_one_version",
)


def get_one_artifact_version(executor: Executor, version_id: uuid.UUID) -> ArtifactVersion | None:
    """One artifact version with its metadata and tags, on the hot path (a cache hit
    reads its original's output this way); None if there is none with that id."""
    row = _SELECT_ONE_VERSION.first(executor, {"version_id": version_id})
    if row is None:
        return None
    metadata = load_metadata_of_one(executor, MetadataTarget.ARTIFACT_VERSION, version_id)
    return _version_from_row(
        row, metadata, load_tags_of_one(executor, artifact_version_tags, version_id)
    )


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


def _number_next_version(
    connection: Executor, project_id: uuid.UUID, name: str, now: dt.datetime
) -> tuple[uuid.UUID, int]:
    key = {"project_id": project_id, "name": name}
    while True:
        numbered = _NUMBER_VERSION.first(connection, {"in_project": project_id, "named": name})
        if numbered is not None:
            return numbered["id"], numbered["version_count"]
        # First version: create the artifact at count 0; if another process created it
        # meanwhile the insert is skipped. Either way the next UPDATE numbers the version.
        insert_ignoring_duplicates(artifacts).execute(
            connection, {"id": new_id(), **key, "version_count": 0, "created": now}
        )


def _versions_from_rows(
    connection: Connection, rows: Sequence[Row[*tuple[Any, ...]]]
) -> list[ArtifactVersion]:
    ids = [row.id for row in rows]
    metadata = load_metadata(connection, MetadataTarget.ARTIFACT_VERSION, ids)
    tags = load_tags(connection, artifact_version_tags, ids)
    return [
        _version_from_row(row._mapping, metadata.get(row.id, {}), tags.get(row.id, ()))
        for row in rows
    ]


def _version_from_row(
    row: Mapping[Any, Any], metadata: dict[str, MetadataEntry], tags: tuple[str, ...]
) -> ArtifactVersion:
    return ArtifactVersion(
        id=row["id"],
        artifact_id=row["artifact_id"],
        artifact_name=row["artifact_name"],
        version=row["version"],
        uri=row["uri"],
        content_hash=row["content_hash"],
        data_type=row["data_type"],
        materializer=row["materializer"],
        size_bytes=row["size_bytes"],
        visualizations=tuple(Visualization.model_validate(v) for v in row["visualizations"]),
        metadata=metadata,
        tags=tags,
        producer_step_run_id=row["producer_step_run_id"],
        created=row["created"],
    )
