"""Rule dry-runs on SQL: the values every version's rules would read, in a few queries.

Four reads whatever the number of versions (their stages, the version metadata, the
making run's metadata and its steps'), each limited to the keys the rules name, so 1,000
versions are judged in milliseconds.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from headwater.store.model_registry import ModelStage, PromotionRule
from headwater.store.models import MetadataTarget
from headwater.store.rule_dry_runs import RuleDryRun, judge_version
from headwater.store.sql import ml_models
from headwater.store.sql.schema import (
    metadata_entries,
    model_version_runs,
    model_versions,
    runs,
    step_runs,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_ENTRY = metadata_entries


def dry_run_rules(
    connection: Connection, model_id: uuid.UUID, rules: tuple[PromotionRule, ...] | None
) -> RuleDryRun:
    """What `rules` (None: the model's own) would decide for each version, newest first.

    Raises:
        EntityNotFoundError: there is no model with that id.
    """
    model = ml_models.get_model(connection, model_id)
    tried = model.promotion_rules if rules is None else rules
    keys = sorted({rule.metadata_key for rule in tried})
    versions = connection.execute(
        select(model_versions.c.id, model_versions.c.number, model_versions.c.stage)
        .where(model_versions.c.model_id == model.id)
        .order_by(model_versions.c.number.desc())
    ).all()
    values = _values(connection, model.id, keys) if keys else {}
    judged = tuple(
        judge_version(
            row.id,
            row.number,
            ModelStage(row.stage or ModelStage.NONE),
            tried,
            values.get(row.id, {}),
        )
        for row in versions
    )
    return RuleDryRun(model_id=model.id, model_name=model.name, rules=tried, versions=judged)


def _values(
    connection: Connection, model_id: uuid.UUID, keys: list[str]
) -> dict[uuid.UUID, dict[str, Any]]:
    """Per version: its steps', its run's, then its own values of `keys` (later win)."""
    making = _making_runs(connection, model_id)
    by_run = _run_values(connection, model_id, keys)
    values: dict[uuid.UUID, dict[str, Any]] = {}
    for version_id, run_id in making.items():
        values[version_id] = dict(by_run.get(run_id, {}))
    own = connection.execute(
        select(_ENTRY.c.target_id, _ENTRY.c.key, _ENTRY.c.value)
        .join(model_versions, model_versions.c.id == _ENTRY.c.target_id)
        .where(
            _ENTRY.c.target_kind == MetadataTarget.MODEL_VERSION.value,
            model_versions.c.model_id == model_id,
            _ENTRY.c.key.in_(keys),
        )
    )
    for version_id, key, value in own:
        values.setdefault(version_id, {})[key] = value
    return values


def _making_runs(connection: Connection, model_id: uuid.UUID) -> dict[uuid.UUID, uuid.UUID]:
    """Each version's oldest linked run: the one that made it."""
    rows = connection.execute(
        select(model_version_runs.c.model_version_id, model_version_runs.c.run_id)
        .join(model_versions, model_versions.c.id == model_version_runs.c.model_version_id)
        .join(runs, runs.c.id == model_version_runs.c.run_id)
        .where(model_versions.c.model_id == model_id)
        .order_by(runs.c.created.desc(), runs.c.id.desc())
    )
    return {row.model_version_id: row.run_id for row in rows}  # the oldest is written last


def _run_values(
    connection: Connection, model_id: uuid.UUID, keys: list[str]
) -> dict[uuid.UUID, dict[str, Any]]:
    """Per linked run: its steps' values (in step order), then its own."""
    linked = (
        select(model_version_runs.c.run_id)
        .join(model_versions, model_versions.c.id == model_version_runs.c.model_version_id)
        .where(model_versions.c.model_id == model_id)
        .scalar_subquery()
    )
    found: dict[uuid.UUID, dict[str, Any]] = defaultdict(dict)
    step_values = connection.execute(
        select(step_runs.c.run_id, _ENTRY.c.key, _ENTRY.c.value)
        .join(step_runs, step_runs.c.id == _ENTRY.c.target_id)
        .where(
            _ENTRY.c.target_kind == MetadataTarget.STEP_RUN.value,
            step_runs.c.run_id.in_(linked),
            _ENTRY.c.key.in_(keys),
        )
        .order_by(step_runs.c.created, step_runs.c.id)
    )
    for run_id, key, value in step_values:
        found[run_id][key] = value
    run_values = connection.execute(
        select(_ENTRY.c.target_id, _ENTRY.c.key, _ENTRY.c.value).where(
            _ENTRY.c.target_kind == MetadataTarget.RUN.value,
            _ENTRY.c.target_id.in_(linked),
            _ENTRY.c.key.in_(keys),
        )
    )
    for run_id, key, value in run_values:
        found[run_id][key] = value
    return found
