"""The metadata explorer's questions and answers: which keys exist, and a key's history.

`MetadataKeyQuery` asks for the catalog of keys (per resource type, with their value
types, how many entities carry them, first and last seen); `MetadataSeriesQuery` asks for
one key's values over runs, step runs, artifact versions or model versions in time
order, which the store aggregates into at most `max_points` buckets when there are more.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from headwater.store.models import MetadataTarget, MetadataType

MAX_SERIES_POINTS = 10_000
DEFAULT_SERIES_POINTS = 2_000


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MetadataKeyQuery(_Frozen):
    """Which keys to list: of one resource type (None: all), narrowed by pipeline,
    project, when the values were written, and text in the key."""

    resource: MetadataTarget | None = None
    pipeline_name: str | None = None
    project_id: uuid.UUID | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    search: str | None = None
    # Resource type -> the projects whose entities the caller may read (None: every
    # project). Set by the server from the caller's permissions, never sent over the API.
    project_ids: dict[MetadataTarget, tuple[uuid.UUID, ...]] | None = None


class MetadataKey(_Frozen):
    """One key of one resource type, across every entity that carries it."""

    resource: MetadataTarget
    key: str
    # Every type a value of this key has (a key logged as an int and later a float has two).
    types: tuple[MetadataType, ...]
    count: int
    first_seen: dt.datetime
    last_seen: dt.datetime


class MetadataSeriesQuery(_Frozen):
    """One key's values over one resource type, oldest first."""

    key: str = Field(min_length=1)
    resource: MetadataTarget = MetadataTarget.RUN
    pipeline_name: str | None = None
    project_id: uuid.UUID | None = None
    # Bounds on the entity's creation time.
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    # Only the newest `last` entities carrying the key.
    last: int | None = Field(default=None, ge=1, le=1_000_000)
    max_points: int = Field(default=DEFAULT_SERIES_POINTS, ge=1, le=MAX_SERIES_POINTS)
    # The projects whose entities the caller may read (None: all); set by the server.
    project_ids: tuple[uuid.UUID, ...] | None = None


class MetadataPoint(_Frozen):
    """One entity's value, or a bucket of consecutive ones (`count` > 1) of one line.

    A bucket's `value` is the mean of its values, with their `min` and `max`; it names no
    entity. A non-numeric value has `value` None and its text in `text`.
    """

    time: dt.datetime
    # The line the point belongs to: the pipeline (the model, for model versions).
    group: str | None
    value: float | None
    text: str | None = None
    min: float | None = None
    max: float | None = None
    count: int = 1
    entity_id: uuid.UUID | None = None
    entity_name: str | None = None
    # The run to open for the point: the run itself, a step's or a producer's run.
    run_id: uuid.UUID | None = None


class MetadataSeries(_Frozen):
    """A key's history: `total` entities carry it, drawn as `points`."""

    key: str
    resource: MetadataTarget
    total: int
    is_aggregated: bool
    points: tuple[MetadataPoint, ...]


@dataclass(frozen=True, slots=True)
class SeriesRow:
    """One entity's value as the store reads it, before aggregation."""

    time: dt.datetime
    group: str | None
    value: float | None
    text: str | None
    entity_id: uuid.UUID
    entity_name: str
    run_id: uuid.UUID | None


def build_series(
    key: str, resource: MetadataTarget, rows: Sequence[SeriesRow], max_points: int
) -> MetadataSeries:
    """The series of `rows` (oldest first), in buckets when there are more than
    `max_points`: each line gets a share of the points in proportion to its rows."""
    if len(rows) <= max_points:
        points = tuple(_point(row) for row in rows)
        return MetadataSeries(
            key=key, resource=resource, total=len(rows), is_aggregated=False, points=points
        )
    numeric = [row for row in rows if row.value is not None]
    by_group: dict[str | None, list[SeriesRow]] = {}
    for row in numeric:
        by_group.setdefault(row.group, []).append(row)
    buckets: list[MetadataPoint] = []
    for group_rows in by_group.values():
        share = max(1, max_points * len(group_rows) // max(1, len(numeric)))
        buckets.extend(_buckets(group_rows, share))
    buckets.sort(key=lambda point: point.time)
    return MetadataSeries(
        key=key, resource=resource, total=len(rows), is_aggregated=True, points=tuple(buckets)
    )


def _point(row: SeriesRow) -> MetadataPoint:
    return MetadataPoint(
        time=row.time,
        group=row.group,
        value=row.value,
        text=row.text,
        min=row.value,
        max=row.value,
        entity_id=row.entity_id,
        entity_name=row.entity_name,
        run_id=row.run_id,
    )


def _buckets(rows: list[SeriesRow], count: int) -> list[MetadataPoint]:
    """`rows` cut into `count` runs of consecutive rows of (nearly) equal size."""
    points: list[MetadataPoint] = []
    for index in range(count):
        chunk = rows[index * len(rows) // count : (index + 1) * len(rows) // count]
        if not chunk:
            continue
        if len(chunk) == 1:
            points.append(_point(chunk[0]))
            continue
        values = [row.value for row in chunk if row.value is not None]
        middle = chunk[0].time + (chunk[-1].time - chunk[0].time) / 2
        points.append(
            MetadataPoint(
                time=middle,
                group=chunk[0].group,
                value=sum(values) / len(values),
                min=min(values),
                max=max(values),
                count=len(chunk),
            )
        )
    return points
