"""The metadata explorer in SQL: the catalog of keys and one key's series.

The unfiltered catalog reads the summary table `metadata_keys` (one row per key and
type, see `metadata_key_counts`). A catalog narrowed by time, pipeline or project, and a
series, read `metadata_entries` by (target_kind, key), the index migration 0014 adds; a
filter by pipeline or project becomes `target_id IN (the entities that match)`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, FromClause, Select, and_, func, null, select, type_coerce

from headwater.store.collection_pause import collection_paused
from headwater.store.metadata_catalog import (
    MetadataKey,
    MetadataKeyQuery,
    MetadataPoint,
    MetadataSeries,
    MetadataSeriesQuery,
    SeriesRow,
    build_series,
)
from headwater.store.models import MetadataTarget, MetadataType
from headwater.store.sql.column_types import FastUtcDateTime
from headwater.store.sql.metadata_key_counts import summary_rows
from headwater.store.sql.schema import (
    artifact_versions,
    artifacts,
    metadata_entries,
    model_version_runs,
    model_versions,
    models,
    pipelines,
    runs,
    step_runs,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_entries = metadata_entries.c
_KEY_LIST = TypeAdapter(list[MetadataKey])
_producers = step_runs.alias("producer")
_producer_runs = runs.alias("producer_run")
_producer_pipelines = pipelines.alias("producer_pipeline")


@dataclass(frozen=True, slots=True)
class _Entity:
    """How one resource type's entities are read for the explorer."""

    source: FromClause
    id: ColumnElement[Any]
    time: ColumnElement[Any]
    group: ColumnElement[Any]
    name_parts: tuple[ColumnElement[Any], ...]
    run_id: ColumnElement[Any]
    project_id: ColumnElement[Any]
    # `pipeline name == value` for this entity's rows.
    of_pipeline: Callable[[str], ColumnElement[bool]]


def _model_version_of_pipeline(name: str) -> ColumnElement[bool]:
    linked = (
        select(model_version_runs.c.model_version_id)
        .join(runs, runs.c.id == model_version_runs.c.run_id)
        .join(pipelines, pipelines.c.id == runs.c.pipeline_id)
        .where(pipelines.c.name == name)
    )
    return model_versions.c.id.in_(linked)


_ENTITIES: dict[MetadataTarget, _Entity] = {
    MetadataTarget.RUN: _Entity(
        source=runs.join(pipelines, pipelines.c.id == runs.c.pipeline_id),
        id=runs.c.id,
        time=runs.c.created,
        group=pipelines.c.name,
        name_parts=(runs.c.name,),
        run_id=runs.c.id,
        project_id=runs.c.project_id,
        of_pipeline=lambda name: pipelines.c.name == name,
    ),
    MetadataTarget.STEP_RUN: _Entity(
        source=step_runs.join(runs, runs.c.id == step_runs.c.run_id).join(
            pipelines, pipelines.c.id == runs.c.pipeline_id
        ),
        id=step_runs.c.id,
        time=step_runs.c.created,
        group=pipelines.c.name,
        name_parts=(runs.c.name, step_runs.c.name),
        run_id=runs.c.id,
        project_id=runs.c.project_id,
        of_pipeline=lambda name: pipelines.c.name == name,
    ),
    MetadataTarget.ARTIFACT_VERSION: _Entity(
        source=artifact_versions.join(artifacts, artifacts.c.id == artifact_versions.c.artifact_id)
        .outerjoin(_producers, _producers.c.id == artifact_versions.c.producer_step_run_id)
        .outerjoin(_producer_runs, _producer_runs.c.id == _producers.c.run_id)
        .outerjoin(_producer_pipelines, _producer_pipelines.c.id == _producer_runs.c.pipeline_id),
        id=artifact_versions.c.id,
        time=artifact_versions.c.created,
        group=_producer_pipelines.c.name,
        name_parts=(artifacts.c.name, artifact_versions.c.version),
        run_id=_producer_runs.c.id,
        project_id=artifacts.c.project_id,
        of_pipeline=lambda name: _producer_pipelines.c.name == name,
    ),
    MetadataTarget.MODEL_VERSION: _Entity(
        source=model_versions.join(models, models.c.id == model_versions.c.model_id),
        id=model_versions.c.id,
        time=model_versions.c.created,
        group=models.c.name,
        name_parts=(models.c.name, model_versions.c.name),
        run_id=null(),
        project_id=models.c.project_id,
        of_pipeline=_model_version_of_pipeline,
    ),
}
_NAME_JOINERS = {
    MetadataTarget.RUN: "",
    MetadataTarget.STEP_RUN: "/",
    MetadataTarget.ARTIFACT_VERSION: ":",
    MetadataTarget.MODEL_VERSION: ":",
}


def list_metadata_keys(connection: Connection, query: MetadataKeyQuery) -> list[MetadataKey]:
    """Every key per resource type matching the query, sorted by resource then key."""
    targets = [query.resource] if query.resource is not None else list(MetadataTarget)
    found: list[MetadataKey] = []
    for target in targets:
        scope = None if query.project_ids is None else query.project_ids.get(target, ())
        found.extend(_keys_of(connection, target, query, scope))
    return found


def _keys_of(
    connection: Connection,
    target: MetadataTarget,
    query: MetadataKeyQuery,
    scope: tuple[uuid.UUID, ...] | None,
) -> list[MetadataKey]:
    entities = _entity_ids(target, query.pipeline_name, query.project_id, scope)
    if entities is None and query.since is None and query.until is None:
        return _catalog_of(target, summary_rows(connection, target.value, query.search))
    statement = (
        select(
            _entries.key,
            _entries.type,
            func.count(),
            type_coerce(func.min(_entries.created), FastUtcDateTime()),
            type_coerce(func.max(_entries.created), FastUtcDateTime()),
        )
        .where(_entries.target_kind == target.value, *_entry_clauses(query))
        .group_by(_entries.key, _entries.type)
    )
    if entities is not None:
        statement = statement.where(_entries.target_id.in_(entities))
    return _catalog_of(target, connection.execute(statement))


def _catalog_of(target: MetadataTarget, rows: Iterable[Any]) -> list[MetadataKey]:
    """One key per distinct key of (key, type, count, first, last) rows, sorted by key."""
    merged: dict[str, list[Any]] = {}
    for key, type_, count, first, last in rows:
        kept = merged.get(key)
        if kept is None:
            merged[key] = [(type_,), count, first, last]
            continue
        kept[0] = (*kept[0], type_)
        kept[1] += count
        kept[2], kept[3] = min(kept[2], first), max(kept[3], last)
    # Validated in one call: for the tens of thousands of keys a catalog may hold, the
    # validator (compiled) is twice as fast as `model_construct` once per key. No cyclic
    # collection meanwhile: 10,000 keys' dicts and models set off several, for nothing.
    # Sorted in Python: database collations differ.
    with collection_paused():
        return _KEY_LIST.validate_python(
            [
                {
                    "resource": target,
                    "key": key,
                    "types": types if len(types) == 1 else sorted(types),
                    "count": count,
                    "first_seen": first,
                    "last_seen": last,
                }
                for key, (types, count, first, last) in sorted(merged.items())
            ]
        )


def _entry_clauses(query: MetadataKeyQuery) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if query.since is not None:
        clauses.append(_entries.created >= query.since)
    if query.until is not None:
        clauses.append(_entries.created <= query.until)
    if query.search:
        clauses.append(_entries.key.icontains(query.search, autoescape=True))
    return clauses


def _entity_ids(
    target: MetadataTarget,
    pipeline_name: str | None,
    project_id: uuid.UUID | None,
    scope: Sequence[uuid.UUID] | None,
) -> Select[Any] | None:
    """The ids of the entities the filters allow, or None when they allow every one."""
    entity = _ENTITIES[target]
    clauses = _entity_clauses(entity, pipeline_name, project_id, scope)
    if not clauses:
        return None
    return select(entity.id).select_from(entity.source).where(*clauses)


def _entity_clauses(
    entity: _Entity,
    pipeline_name: str | None,
    project_id: uuid.UUID | None,
    scope: Sequence[uuid.UUID] | None,
) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if pipeline_name is not None:
        clauses.append(entity.of_pipeline(pipeline_name))
    if project_id is not None:
        clauses.append(entity.project_id == project_id)
    if scope is not None:
        clauses.append(entity.project_id.in_(list(scope)))
    return clauses


def metadata_series(connection: Connection, query: MetadataSeriesQuery) -> MetadataSeries:
    """The key's values over the query's entities, oldest first, bucketed if too many.

    Past `max_points` the database does the bucketing (a window over each line's
    entries), so a series of any length costs one read of the key's entries and answers
    at most about `max_points` rows.
    """
    entity = _ENTITIES[query.resource]
    source = entity.source.join(
        metadata_entries,
        and_(
            _entries.target_kind == query.resource.value,
            _entries.target_id == entity.id,
            _entries.key == query.key,
        ),
    )
    clauses = _entity_clauses(entity, query.pipeline_name, query.project_id, query.project_ids)
    if query.since is not None:
        clauses.append(entity.time >= query.since)
    if query.until is not None:
        clauses.append(entity.time <= query.until)
    counted = select(func.count()).select_from(source).where(*clauses)
    total = int(connection.execute(counted).scalar_one())
    if query.last is not None:
        total = min(total, query.last)
    if query.last is not None or total <= query.max_points:
        rows = _series_rows(connection, query, entity, source, clauses)
        return build_series(query.key, query.resource, rows, query.max_points)
    points = _bucketed_points(connection, query, entity, source, clauses, total)
    return MetadataSeries.model_construct(
        key=query.key, resource=query.resource, total=total, is_aggregated=True, points=points
    )


def _series_rows(
    connection: Connection,
    query: MetadataSeriesQuery,
    entity: _Entity,
    source: FromClause,
    clauses: list[ColumnElement[bool]],
) -> list[SeriesRow]:
    """Every entity's value, oldest first (the newest `query.last` when given)."""
    statement = (
        select(
            type_coerce(entity.time, FastUtcDateTime()),
            entity.group,
            _entries.value_number,
            _entries.value_text,
            _entries.value,
            _entries.type,
            entity.id,
            entity.run_id,
            *entity.name_parts,
        )
        .select_from(source)
        .where(*clauses)
    )
    if query.last is not None:
        statement = statement.order_by(entity.time.desc(), entity.id.desc()).limit(query.last)
    # Sorted here, not by the database: ORDER BY would have it walk every entity by time
    # instead of reading the key's entries from the (kind, key, ...) index.
    found = sorted(connection.execute(statement), key=lambda row: (row[0], row[6]))
    return [_series_row(query.resource, row) for row in found]


def _bucketed_points(
    connection: Connection,
    query: MetadataSeriesQuery,
    entity: _Entity,
    source: FromClause,
    clauses: list[ColumnElement[bool]],
    total: int,
) -> tuple[MetadataPoint, ...]:
    """Buckets of consecutive numeric values per line; each line gets a share of
    `max_points` in proportion to its values (integer division keeps it so)."""
    position = func.row_number().over(partition_by=entity.group, order_by=(entity.time, entity.id))
    numbered = (
        select(
            entity.group.label("line"),
            entity.time.label("time"),
            _entries.value_number.label("number"),
            ((position - 1) * query.max_points // total).label("bucket"),
        )
        .select_from(source)
        .where(*clauses, _entries.type.in_(_NUMERIC_TYPES), _entries.value_number.is_not(None))
        .subquery()
    )
    buckets = select(
        numbered.c.line,
        func.count(),
        func.min(numbered.c.number),
        func.max(numbered.c.number),
        func.avg(numbered.c.number),
        type_coerce(func.min(numbered.c.time), FastUtcDateTime()),
        type_coerce(func.max(numbered.c.time), FastUtcDateTime()),
    ).group_by(numbered.c.line, numbered.c.bucket)
    points = [
        MetadataPoint.model_construct(
            time=first + (last - first) / 2,
            group=line,
            value=float(mean),
            text=None,
            min=float(low),
            max=float(high),
            count=int(count),
            entity_id=None,
            entity_name=None,
            run_id=None,
        )
        for line, count, low, high, mean, first, last in connection.execute(buckets)
    ]
    points.sort(key=lambda point: point.time)
    return tuple(points)


_NUMERIC = frozenset(
    {MetadataType.INT, MetadataType.FLOAT, MetadataType.STORAGE_SIZE, MetadataType.BOOL}
)
_NUMERIC_TYPES = [numeric.value for numeric in sorted(_NUMERIC)]


def _series_row(target: MetadataTarget, row: Any) -> SeriesRow:
    time, group, number, text, value, type_, entity_id, run_id, *names = row
    is_numeric = MetadataType(type_) in _NUMERIC and number is not None
    return SeriesRow(
        time=time,
        group=group,
        value=float(number) if is_numeric else None,
        text=None if is_numeric else (text if text is not None else _json_text(value)),
        entity_id=entity_id,
        entity_name=_NAME_JOINERS[target].join(str(part) for part in names),
        run_id=run_id,
    )


def _json_text(value: Any) -> str:
    return json.dumps(value, sort_keys=True)
