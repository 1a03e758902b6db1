"""Recording artifact versions as a step finishes, and reading one on a cache hit."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from headwater.store.models import (
    ArtifactType,
    ArtifactVersion,
    ArtifactVersionCreate,
    MetadataEntry,
    MetadataTarget,
    Visualization,
)
from headwater.store.sql.ids import new_id
from headwater.store.sql.prepared import Executor, PreparedStatement
from headwater.store.sql.recording.metadata import load_metadata_of_one, metadata_rows
from headwater.store.sql.recording.rows import insert_ignoring_duplicates, table_named
from headwater.store.sql.recording.tags import load_tags_of_one, tag_target


def _number_version(_dialect: str) -> Any:
    from sqlalchemy import bindparam, update

    artifacts = table_named("artifacts")
    return (
        update(artifacts)
        .where(
            artifacts.c.project_id == bindparam("in_project"),
            artifacts.c.name == bindparam("named"),
        )
        .values(version_count=artifacts.c.version_count + 1)
        .returning(artifacts.c.id, artifacts.c.version_count)
    )


def select_versions() -> Any:
    """Artifact versions with their artifact's name (the Core select listings extend)."""
    from sqlalchemy import select

    versions, artifacts = table_named("artifact_versions"), table_named("artifacts")
    return select(versions, artifacts.c.name.label("artifact_name")).select_from(
        versions.join(artifacts, artifacts.c.id == versions.c.artifact_id)
    )


def _select_one_version(_dialect: str) -> Any:
    from sqlalchemy import bindparam

    versions = table_named("artifact_versions")
    return select_versions().where(versions.c.id == bindparam("version_id"))


# Bumping the counter locks the artifact's row until commit: no two versions share a number.
_NUMBER_VERSION = PreparedStatement(_number_version, name="artifacts.number_version")
_INSERT_VERSION = PreparedStatement(
    lambda _dialect: table_named("artifact_versions").insert(), name="artifacts.insert_version"
)
_SELECT_ONE_VERSION = PreparedStatement(_select_one_version, name="artifacts.select_one_version")


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
        tag_target(connection, "artifact_version_tags", version_id, output.tags, now)
        tag_target(connection, "artifact_tags", artifact_id, output.tags, now)
    rows = metadata_rows(MetadataTarget.ARTIFACT_VERSION, version_id, output.metadata, now)
    return version_id, rows


def get_one_artifact_version(executor: Executor, version_id: uuid.UUID) -> ArtifactVersion | None:
    """One artifact version with its metadata and tags, on the hot path (a cache hit
    reads its original's output this way); None if there is none with that id."""
    row = _SELECT_ONE_VERSION.first(executor, {"version_id": version_id})
    if row is None:
        return None
    metadata = load_metadata_of_one(executor, MetadataTarget.ARTIFACT_VERSION, version_id)
    return version_from_row(
        row, metadata, load_tags_of_one(executor, "artifact_version_tags", version_id)
    )


def version_from_row(
    row: Mapping[Any, Any], metadata: dict[str, MetadataEntry], tags: tuple[str, ...]
) -> ArtifactVersion:
    """The artifact version in a row of `select_versions()`."""
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
        insert_ignoring_duplicates("artifacts").execute(
            connection, {"id": new_id(), **key, "version_count": 0, "created": now}
        )


def link_artifacts(
    connection: Executor, version_id: uuid.UUID, links: dict[uuid.UUID, ArtifactType]
) -> None:
    """Link artifact versions to a model version (a link made twice stays one)."""
    insert_ignoring_duplicates("model_version_artifacts").execute_many(
        connection,
        [
            {
                "model_version_id": version_id,
                "artifact_version_id": artifact_version_id,
                "artifact_type": artifact_type.value,
            }
            for artifact_version_id, artifact_type in links.items()
        ],
    )
