"""Models: registering, finding, listing, updating and deleting them, with their rules.

(Named `ml_models` so it is not mistaken for `store/models.py`, the domain models.)
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, select, update

from headwater.errors import EntityExistsError, EntityNotFoundError
from headwater.store.listings import MODELS
from headwater.store.model_registry import Model, ModelCreate, PromotionRule
from headwater.store.models import MetadataTarget, Page
from headwater.store.sql import pipelines as pipeline_rows
from headwater.store.sql.approval_policies import load_policies
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    project_column,
    where_clauses,
)
from headwater.store.sql.ids import new_id
from headwater.store.sql.metadata_entries import delete_metadata
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.recording.rows import insert_ignoring_duplicates
from headwater.store.sql.recording.tags import tag_target
from headwater.store.sql.schema import model_promotion_rules, model_tags, model_versions, models
from headwater.store.sql.tags import load_tags, tag_filter

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_LISTING = Listing(
    declared=MODELS,
    filters={
        "id": ColumnFilter(models.c.id, FieldKind.ID),
        "name": ColumnFilter(models.c.name, FieldKind.TEXT),
        "created": ColumnFilter(models.c.created, FieldKind.DATETIME),
        "tag": tag_filter(model_tags, models.c.id),
    },
    sort_columns={"created": models.c.created, "name": models.c.name},
    id_column=models.c.id,
    table=models,
    source=models,
    project=project_column(models.c.project_id),
)
_SELECT_RULES = (
    select(model_promotion_rules)
    .where(model_promotion_rules.c.model_id.in_(bindparam("ids", expanding=True)))
    .order_by(model_promotion_rules.c.model_id, model_promotion_rules.c.position)
)
# Locks the model's row until commit: versions are numbered and staged one at a time.
LOCK_MODEL = select(models.c.id).where(models.c.id == bindparam("model_id")).with_for_update()


def create_model(connection: Connection, request: ModelCreate, now: dt.datetime) -> Model:
    """Register a model with its tags and promotion rules.

    Raises:
        EntityExistsError: the project already has a model with that name.
    """
    project_id = pipeline_rows.ensure_project(connection, request.project_name, now)
    if find_model_id(connection, project_id, request.name) is not None:
        raise _name_taken(request.name)
    model_id = insert_model(
        connection,
        project_id,
        request.name,
        description=request.description,
        user_id=pipeline_rows.ensure_user(connection, request.user_name, now),
        now=now,
    )
    tag_target(connection, "model_tags", model_id, request.tags, now)
    set_promotion_rules(connection, model_id, request.promotion_rules)
    return get_model(connection, model_id)


def insert_model(
    connection: Connection,
    project_id: uuid.UUID,
    name: str,
    *,
    description: str | None,
    user_id: uuid.UUID,
    now: dt.datetime,
) -> uuid.UUID:
    """Insert a model row and return its id.

    Raises:
        EntityExistsError: another writer registered the name a moment ago.
    """
    model_id = new_id()
    values = {
        "id": model_id,
        "project_id": project_id,
        "name": name,
        "description": description,
        "user_id": user_id,
        "version_count": 0,
        "created": now,
    }
    # Skipped if another writer registered the name a moment ago: then the id differs.
    insert_ignoring_duplicates(models.name).execute(connection, values)
    if find_model_id(connection, project_id, name) != model_id:
        raise _name_taken(name)
    return model_id


def find_model_id(connection: Connection, project_id: uuid.UUID, name: str) -> uuid.UUID | None:
    """The id of the project's model with that name, if there is one."""
    found: uuid.UUID | None = connection.execute(
        select(models.c.id).where(models.c.project_id == project_id, models.c.name == name)
    ).scalar()
    return found


def get_model(connection: Connection, name_or_id: uuid.UUID | str) -> Model:
    """A model by id or name.

    Raises:
        EntityNotFoundError: no model has that id or name.
    """
    model_id = pipeline_rows.as_id(name_or_id)
    row = None
    if model_id is not None:
        row = connection.execute(select(models).where(models.c.id == model_id)).first()
    if row is None and isinstance(name_or_id, str):
        statement = select(models).where(models.c.name == name_or_id)
        row = connection.execute(statement.order_by(models.c.created.desc()).limit(1)).first()
    if row is None:
        raise model_not_found(name_or_id)
    return _models_from_rows(connection, [row])[0]


def list_models(connection: Connection, query: ListQuery) -> Page[Model]:
    """A page of models matching the query, with tags and rules."""
    clauses = where_clauses(_LISTING, query, connection=connection)
    rows, total = fetch_page(connection, _LISTING, select(models), query, clauses)
    items = tuple(_models_from_rows(connection, rows))
    return Page(items=items, index=query.index, size=query.size, total=total)


def update_model(
    connection: Connection,
    model_id: uuid.UUID,
    *,
    description: str | None,
    promotion_rules: tuple[PromotionRule, ...] | None,
) -> Model:
    """Change a model's description and/or replace its promotion rules.

    Raises:
        EntityNotFoundError: there is no model with that id.
    """
    get_model(connection, model_id)
    if description is not None:
        connection.execute(
            update(models).where(models.c.id == model_id).values(description=description)
        )
    if promotion_rules is not None:
        set_promotion_rules(connection, model_id, promotion_rules)
    return get_model(connection, model_id)


def set_promotion_rules(
    connection: Connection, model_id: uuid.UUID, rules: tuple[PromotionRule, ...]
) -> None:
    """Replace the model's promotion rules with `rules`, keeping their order."""
    connection.execute(
        delete(model_promotion_rules).where(model_promotion_rules.c.model_id == model_id)
    )
    if rules:
        connection.execute(
            model_promotion_rules.insert(),
            [
                {"model_id": model_id, "position": position, **rule.model_dump(mode="json")}
                for position, rule in enumerate(rules)
            ],
        )


def delete_model(connection: Connection, model_id: uuid.UUID) -> None:
    """Delete a model with its versions, their links, history and metadata.

    Raises:
        EntityNotFoundError: there is no model with that id.
    """
    version_ids = list(
        connection.execute(
            select(model_versions.c.id).where(model_versions.c.model_id == model_id)
        ).scalars()
    )
    delete_metadata(connection, MetadataTarget.MODEL_VERSION, version_ids)
    if connection.execute(models.delete().where(models.c.id == model_id)).rowcount == 0:
        raise model_not_found(model_id)


def model_not_found(name_or_id: uuid.UUID | str) -> EntityNotFoundError:
    """The error for a model that is not there."""
    return EntityNotFoundError(
        f"No model with id or name '{name_or_id}'. List models with `headwater models list`."
    )


def _name_taken(name: str) -> EntityExistsError:
    return EntityExistsError(
        f"A model named '{name}' already exists. Use it with Model(name='{name}'), or "
        f"choose another name."
    )


def _models_from_rows(connection: Connection, rows: Sequence[Row[*tuple[Any, ...]]]) -> list[Model]:
    ids = [row.id for row in rows]
    tags = load_tags(connection, model_tags, ids)
    policies = load_policies(connection, ids)
    rules: dict[uuid.UUID, list[PromotionRule]] = defaultdict(list)
    if ids:
        for rule in connection.execute(_SELECT_RULES, {"ids": ids}):
            rules[rule.model_id].append(
                PromotionRule(
                    stage=rule.stage,
                    metadata_key=rule.metadata_key,
                    operator=rule.operator,
                    threshold=rule.threshold,
                )
            )
    return [
        Model(
            id=row.id,
            project_id=row.project_id,
            name=row.name,
            description=row.description,
            tags=tags.get(row.id, ()),
            promotion_rules=tuple(rules.get(row.id, ())),
            approval_policies=policies.get(row.id, ()),
            version_count=row.version_count,
            created=row.created,
        )
        for row in rows
    ]
