"""Artifacts by name: the named series that each saved artifact version belongs to."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select

from headwater.errors import EntityNotFoundError
from headwater.store.listings import ARTIFACTS
from headwater.store.models import Artifact, ArtifactLatestVersion, Page
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    RelatedFilter,
    project_column,
    where_clauses,
)
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.recording.rows import as_id
from headwater.store.sql.schema import artifact_tags, artifact_versions, artifacts, runs, step_runs
from headwater.store.sql.tags import load_tags, tag_filter

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_COLUMNS = (artifacts.c.id, artifacts.c.project_id, artifacts.c.name, artifacts.c.created)
_LATEST = artifact_versions.alias("latest")
_OTHER = artifact_versions.alias("other")
# Both subqueries run per listed row only, each a seek on (artifact_id, version).
_LATEST_ID = (
    select(_OTHER.c.id)
    .where(_OTHER.c.artifact_id == artifacts.c.id)
    .order_by(_OTHER.c.version.desc())
    .limit(1)
    .correlate(artifacts)
    .scalar_subquery()
)
_VERSION_COUNT = (
    select(func.count())
    .where(_OTHER.c.artifact_id == artifacts.c.id)
    .correlate(artifacts)
    .scalar_subquery()
)
_LATEST_SIZE = (
    select(_OTHER.c.size_bytes)
    .where(_OTHER.c.artifact_id == artifacts.c.id)
    .order_by(_OTHER.c.version.desc())
    .limit(1)
    .correlate(artifacts)
    .scalar_subquery()
)
# An artifact with its newest version and that version's producer, in one query.
_SELECT_ARTIFACTS: Select[Any] = select(
    *_COLUMNS,
    _VERSION_COUNT.label("version_count"),
    _LATEST.c.id.label("latest_id"),
    _LATEST.c.version.label("latest_number"),
    _LATEST.c.data_type.label("latest_data_type"),
    _LATEST.c.size_bytes.label("latest_size_bytes"),
    _LATEST.c.created.label("latest_created"),
    _LATEST.c.producer_step_run_id.label("producer_step_run_id"),
    step_runs.c.name.label("producer_step_name"),
    runs.c.id.label("producer_run_id"),
    runs.c.name.label("producer_run_name"),
).select_from(
    artifacts.outerjoin(_LATEST, _LATEST.c.id == _LATEST_ID)
    .outerjoin(step_runs, step_runs.c.id == _LATEST.c.producer_step_run_id)
    .outerjoin(runs, runs.c.id == step_runs.c.run_id)
)
_LISTING = Listing(
    declared=ARTIFACTS,
    filters={
        "id": ColumnFilter(artifacts.c.id, FieldKind.ID),
        "name": ColumnFilter(artifacts.c.name, FieldKind.TEXT),
        "project_id": ColumnFilter(artifacts.c.project_id, FieldKind.ID),
        "created": ColumnFilter(artifacts.c.created, FieldKind.DATETIME),
        "tag": tag_filter(artifact_tags, artifacts.c.id),
        # Artifacts with at least one version of that type.
        "data_type": RelatedFilter(
            artifact_versions.c.data_type,
            FieldKind.TEXT,
            artifacts.c.id,
            artifact_versions.c.artifact_id,
        ),
    },
    sort_columns={
        "created": artifacts.c.created,
        "name": artifacts.c.name,
        # The size of the newest version, as the catalog shows it.
        "size": _LATEST_SIZE,
    },
    id_column=artifacts.c.id,
    table=artifacts,
    source=artifacts,
    project=project_column(artifacts.c.project_id),
)


def get_artifact(connection: Connection, name_or_id: uuid.UUID | str) -> Artifact:
    """An artifact by id or name (a name shared by several projects: the oldest).

    Raises:
        EntityNotFoundError: no artifact has that id or name.
    """
    artifact_id = as_id(name_or_id)
    row = None
    if artifact_id is not None:
        statement = _SELECT_ARTIFACTS.where(artifacts.c.id == artifact_id)
        row = connection.execute(statement).first()
    if row is None:
        statement = _SELECT_ARTIFACTS.where(artifacts.c.name == str(name_or_id))
        row = connection.execute(statement.order_by(artifacts.c.created).limit(1)).first()
    if row is None:
        raise EntityNotFoundError(
            f"No artifact with id or name '{name_or_id}'. List artifacts with "
            f"`headwater artifacts list`."
        )
    return _artifacts_from_rows(connection, [row])[0]


def list_artifacts(connection: Connection, query: ListQuery) -> Page[Artifact]:
    """A page of artifacts with their tags, version count and latest version."""
    clauses = where_clauses(_LISTING, query, connection=connection)
    rows, total = fetch_page(connection, _LISTING, _SELECT_ARTIFACTS, query, clauses)
    items = tuple(_artifacts_from_rows(connection, rows))
    return Page(items=items, index=query.index, size=query.size, total=total)


def _artifacts_from_rows(
    connection: Connection, rows: Sequence[Row[*tuple[Any, ...]]]
) -> list[Artifact]:
    tags = load_tags(connection, artifact_tags, [row.id for row in rows])
    return [
        Artifact(
            id=row.id,
            project_id=row.project_id,
            name=row.name,
            created=row.created,
            tags=tags.get(row.id, ()),
            version_count=row.version_count,
            latest_version=_latest_version(row),
        )
        for row in rows
    ]


def _latest_version(row: Row[*tuple[Any, ...]]) -> ArtifactLatestVersion | None:
    if row.latest_id is None:  # every version was pruned
        return None
    return ArtifactLatestVersion(
        id=row.latest_id,
        version=row.latest_number,
        data_type=row.latest_data_type,
        size_bytes=row.latest_size_bytes,
        created=row.latest_created,
        producer_step_run_id=row.producer_step_run_id,
        producer_step_name=row.producer_step_name,
        producer_run_id=row.producer_run_id,
        producer_run_name=row.producer_run_name,
    )
