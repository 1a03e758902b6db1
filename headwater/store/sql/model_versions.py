"""Model versions: made or reused by runs, numbered by the store, found, listed, linked.

A new version's number comes from the model's counter, bumped with the model's row
locked, so concurrent runs never share a number.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, and_, exists, select, update

from headwater.errors import (
    ApprovalRequiredError,
    EntityNotFoundError,
    FilterError,
    StageConflictError,
)
from headwater.store.listings import MODEL_VERSIONS
from headwater.store.model_registry import (
    LATEST,
    ModelStage,
    ModelVersion,
    ModelVersionArtifact,
    ModelVersionLinks,
    ModelVersionRequest,
    names_existing_version,
)
from headwater.store.models import ArtifactType, MetadataTarget, Page
from headwater.store.sql import ml_models
from headwater.store.sql import pipelines as pipeline_rows
from headwater.store.sql.approval_policies import required_approvals
from headwater.store.sql.filtering import (
    ColumnFilter,
    ConditionBuilder,
    FieldKind,
    Listing,
    compare,
    project_column,
    project_via,
    where_clauses,
)
from headwater.store.sql.ids import new_id
from headwater.store.sql.metadata_entries import delete_metadata, load_metadata
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.recording.rows import ensure_row, insert_ignoring_duplicates
from headwater.store.sql.recording.tags import tag_target
from headwater.store.sql.schema import (
    artifact_versions,
    artifacts,
    model_version_artifacts,
    model_version_runs,
    model_versions,
    models,
    runs,
)

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import Condition, ListQuery

_FROM = model_versions.join(models, models.c.id == model_versions.c.model_id)
_SELECT_VERSIONS: Select[Any] = select(
    model_versions, models.c.name.label("model_name")
).select_from(_FROM)
_COUNT_VERSION = (
    update(models)
    .values(version_count=models.c.version_count + 1)
    .returning(models.c.version_count)
)
# Stages that name one version; `none` and `archived` may hold many.
_NAMED_BY_STAGE = (LATEST, ModelStage.STAGING.value, ModelStage.PRODUCTION.value)
_AMBIGUOUS = (ModelStage.NONE.value, ModelStage.ARCHIVED.value)


def _run_filter(condition: Condition) -> ColumnElement[bool]:
    link = model_version_runs
    return exists(
        select(link.c.run_id).where(
            link.c.model_version_id == model_versions.c.id,
            compare(link.c.run_id, condition.operator, _as_uuid(condition.value)),
        )
    )


_RUN_FILTER: ConditionBuilder = _run_filter
_LISTING = Listing(
    declared=MODEL_VERSIONS,
    filters={
        "id": ColumnFilter(model_versions.c.id, FieldKind.ID),
        "model_id": ColumnFilter(model_versions.c.model_id, FieldKind.ID),
        "model_name": ColumnFilter(models.c.name, FieldKind.TEXT),
        "number": ColumnFilter(model_versions.c.number, FieldKind.INTEGER),
        "name": ColumnFilter(model_versions.c.name, FieldKind.TEXT),
        "stage": ColumnFilter(model_versions.c.stage, FieldKind.TEXT),
        "created": ColumnFilter(model_versions.c.created, FieldKind.DATETIME),
        "run_id": _RUN_FILTER,
    },
    sort_columns={
        "created": model_versions.c.created,
        "number": model_versions.c.number,
        "name": model_versions.c.name,
        "stage": model_versions.c.stage,
    },
    id_column=model_versions.c.id,
    table=model_versions,
    source=_FROM,
    project=project_via(
        model_versions.c.model_id, models.c.id, project_column(models.c.project_id)
    ),
)


def resolve_model_version(
    connection: Connection,
    request: ModelVersionRequest,
    *,
    run_id: uuid.UUID | None,
    now: dt.datetime,
) -> ModelVersion:
    """The version a run's `Model(...)` means, made if it is new, and linked to the run.

    Raises:
        EntityNotFoundError: it names an existing version (a number, `latest`, a stage)
            that is not there, or no run has `run_id`.
    """
    if run_id is not None:
        _check_run_exists(connection, run_id)
    project_id = pipeline_rows.ensure_project(connection, request.project_name, now)
    user_id = pipeline_rows.ensure_user(connection, request.user_name, now)
    version = request.version
    if version is not None and names_existing_version(version):
        model_id = ml_models.find_model_id(connection, project_id, request.model_name)
        if model_id is None:
            raise ml_models.model_not_found(request.model_name)
        version_id = _existing_version_id(connection, model_id, request.model_name, version)
    else:
        model_id = ensure_model(connection, project_id, request, user_id, now)
        connection.execute(ml_models.LOCK_MODEL, {"model_id": model_id})
        found = None if version is None else _find_version_id(connection, model_id, version)
        version_id = found or _insert_version(
            connection, model_id, request, user_id=user_id, now=now
        )
    tag_target(connection, "model_tags", model_id, request.tags, now)
    if request.promotion_rules is not None:
        ml_models.set_promotion_rules(connection, model_id, request.promotion_rules)
    if run_id is not None:
        link_run(connection, version_id, run_id)
    return get_model_version_by_id(connection, version_id)


def _check_run_exists(connection: Connection, run_id: uuid.UUID) -> None:
    if connection.execute(select(runs.c.id).where(runs.c.id == run_id)).first() is None:
        raise EntityNotFoundError(
            f"No run with id '{run_id}' to link the model version to. List runs with "
            f"`headwater runs list`."
        )


def ensure_model(
    connection: Connection,
    project_id: uuid.UUID,
    request: ModelVersionRequest,
    user_id: uuid.UUID,
    now: dt.datetime,
) -> uuid.UUID:
    """The model's id, registering it on first use."""
    return ensure_row(
        connection,
        models.name,
        {"project_id": project_id, "name": request.model_name},
        {
            "description": request.description,
            "user_id": user_id,
            "version_count": 0,
            "created": now,
        },
    )


def get_model_version(
    connection: Connection,
    model_name_or_id: uuid.UUID | str | None,
    version: uuid.UUID | str | int,
) -> ModelVersion:
    """A version by id, or a model's version by number, name, stage or `latest`.

    Raises:
        EntityNotFoundError: there is no such model or version.
    """
    version_id = pipeline_rows.as_id(version) if not isinstance(version, int) else None
    if version_id is None:
        if model_name_or_id is None:
            raise EntityNotFoundError(
                f"Cannot find model version '{version}' without its model. Pass the model's "
                f"name or id too."
            )
        model = ml_models.get_model(connection, model_name_or_id)
        assert not isinstance(version, uuid.UUID)  # as_id returned an id for those
        version_id = _existing_version_id(connection, model.id, model.name, version)
    return get_model_version_by_id(connection, version_id)


def get_model_version_by_id(connection: Connection, version_id: uuid.UUID) -> ModelVersion:
    """A version by id.

    Raises:
        EntityNotFoundError: no model version has that id.
    """
    row = connection.execute(_SELECT_VERSIONS.where(model_versions.c.id == version_id)).first()
    if row is None:
        raise EntityNotFoundError(
            f"No model version with id '{version_id}'. List versions with "
            f"`headwater models versions MODEL`."
        )
    return versions_from_rows(connection, [row])[0]


def delete_model_version(
    connection: Connection, version_id: uuid.UUID, *, is_approved: bool = False
) -> None:
    """Delete a version with its links, stage history and metadata (runs and artifacts stay).

    Its number is never given out again: numbers come from the model's counter.
    `is_approved` says a policy's approvals for deleting it were given.

    Raises:
        EntityNotFoundError: no model version has that id.
        ApprovalRequiredError: a policy protects the version's stage; request deletion.
        StageConflictError: the version is in production, where runs may still load it.
    """
    version = get_model_version_by_id(connection, version_id)
    if not is_approved:
        check_deletable(connection, version)
    delete_metadata(connection, MetadataTarget.MODEL_VERSION, [version_id])
    connection.execute(model_versions.delete().where(model_versions.c.id == version_id))


def check_deletable(connection: Connection, version: ModelVersion) -> None:
    """Refuse to delete a version a policy protects, or one in production.

    Raises:
        ApprovalRequiredError: a policy protects the version's stage.
        StageConflictError: the version is in production.
    """
    required = required_approvals(connection, version, None)
    if required:
        raise ApprovalRequiredError(
            f"Model '{version.model_name}' version {version.number} is in "
            f"'{version.stage}', whose policy asks {required} approval(s) to delete it. "
            f"Request its deletion with `headwater models delete-version "
            f"{version.model_name} {version.number}` (which asks for approval) or "
            f"Client().request_model_version_deletion."
        )
    if version.stage == ModelStage.PRODUCTION:
        raise StageConflictError(
            f"Model '{version.model_name}' version {version.number} is in production, "
            f"where pipelines may still load it. Move it out first: `headwater models "
            f"promote {version.model_name} {version.number} archived`."
        )


def list_model_versions(connection: Connection, query: ListQuery) -> Page[ModelVersion]:
    """A page of model versions matching the query, with metadata."""
    clauses = where_clauses(_LISTING, query, connection=connection)
    rows, total = fetch_page(connection, _LISTING, _SELECT_VERSIONS, query, clauses)
    items = tuple(versions_from_rows(connection, rows))
    return Page(items=items, index=query.index, size=query.size, total=total)


def model_version_links(connection: Connection, version_id: uuid.UUID) -> ModelVersionLinks:
    """The artifact versions (by artifact name, then version) and runs of a version."""
    get_model_version_by_id(connection, version_id)
    link = model_version_artifacts
    rows = connection.execute(
        select(link.c.artifact_version_id, link.c.artifact_type, artifacts.c.name)
        .add_columns(artifact_versions.c.version)
        .join(artifact_versions, artifact_versions.c.id == link.c.artifact_version_id)
        .join(artifacts, artifacts.c.id == artifact_versions.c.artifact_id)
        .where(link.c.model_version_id == version_id)
    ).all()
    linked = sorted(
        (
            ModelVersionArtifact(
                artifact_version_id=row.artifact_version_id,
                artifact_name=row.name,
                version=row.version,
                artifact_type=ArtifactType(row.artifact_type),
            )
            for row in rows
        ),
        key=lambda a: (a.artifact_name, a.version),
    )
    run_ids = connection.execute(
        select(runs.c.id)
        .join(model_version_runs, model_version_runs.c.run_id == runs.c.id)
        .where(model_version_runs.c.model_version_id == version_id)
        .order_by(runs.c.created, runs.c.id)
    ).scalars()
    return ModelVersionLinks(artifacts=tuple(linked), run_ids=tuple(run_ids))


def link_run(connection: Connection, version_id: uuid.UUID, run_id: uuid.UUID) -> None:
    """Link a run to a model version (a link made twice stays one)."""
    insert_ignoring_duplicates(model_version_runs.name).execute(
        connection, {"model_version_id": version_id, "run_id": run_id}
    )


def versions_from_rows(
    connection: Connection, rows: Sequence[Row[*tuple[Any, ...]]]
) -> list[ModelVersion]:
    """Domain versions from `model_versions` rows joined with their model's name."""
    metadata = load_metadata(connection, MetadataTarget.MODEL_VERSION, [row.id for row in rows])
    return [
        ModelVersion(
            id=row.id,
            model_id=row.model_id,
            model_name=row.model_name,
            number=row.number,
            name=row.name,
            description=row.description,
            stage=ModelStage(row.stage or ModelStage.NONE),
            created=row.created,
            metadata=metadata.get(row.id, {}),
        )
        for row in rows
    ]


def version_not_found(model_name: str, version: str | int) -> EntityNotFoundError:
    """The error for a version of a model that is not there."""
    return EntityNotFoundError(
        f"Model '{model_name}' has no version '{version}'. List its versions with "
        f"`headwater models versions {model_name}`."
    )


def _existing_version_id(
    connection: Connection, model_id: uuid.UUID, model_name: str, version: str | int
) -> uuid.UUID:
    if isinstance(version, str) and version.lower() in _AMBIGUOUS:
        raise EntityNotFoundError(
            f"Model version '{version}' of '{model_name}' is ambiguous: many versions can be "
            f"in stage '{version.lower()}'. Name a version number, 'latest', 'staging' or "
            f"'production'."
        )
    found = _find_version_id(connection, model_id, version)
    if found is None:
        raise version_not_found(model_name, version)
    return found


def _find_version_id(
    connection: Connection, model_id: uuid.UUID, version: str | int
) -> uuid.UUID | None:
    table = model_versions
    of_model = table.c.model_id == model_id
    statement = select(table.c.id)
    if isinstance(version, int) or version.isdigit():
        statement = statement.where(of_model, table.c.number == int(version))
    elif version.lower() == LATEST:
        statement = statement.where(of_model).order_by(table.c.number.desc()).limit(1)
    elif version.lower() in _NAMED_BY_STAGE:
        statement = statement.where(and_(of_model, table.c.stage == version.lower()))
    else:
        statement = statement.where(of_model, table.c.name == version)
    found: uuid.UUID | None = connection.execute(statement).scalar()
    return found


def _insert_version(
    connection: Connection,
    model_id: uuid.UUID,
    request: ModelVersionRequest,
    *,
    user_id: uuid.UUID,
    now: dt.datetime,
) -> uuid.UUID:
    number: int = connection.execute(_COUNT_VERSION.where(models.c.id == model_id)).scalar_one()
    version_id = new_id()
    connection.execute(
        model_versions.insert(),
        {
            "id": version_id,
            "model_id": model_id,
            "number": number,
            "name": str(request.version) if request.version is not None else str(number),
            "description": request.description,
            "stage": ModelStage.NONE.value,
            "user_id": user_id,
            "created": now,
        },
    )
    return version_id


def _as_uuid(value: Any) -> Any:
    if isinstance(value, list):
        return [_as_uuid(v) for v in value]
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise FilterError(f"Filter on 'run_id' needs a full run id, got '{value}'.") from None
