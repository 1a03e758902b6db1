"""Stages of model versions: promotions, forced demotions, promotion rules, history.

A stage change locks the model's row first, so changes to one model's versions happen
one at a time and the second of two concurrent promotions sees the first one's result;
the partial unique index on (model, stage) backs this up in the schema itself.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, select, update

from headwater.errors import ApprovalError, ApprovalRequiredError, StageConflictError
from headwater.store.listings import STAGE_TRANSITIONS
from headwater.store.model_registry import (
    ModelStage,
    ModelVersion,
    PromotionRule,
    StageChange,
    StageTransition,
    TransitionOutcome,
    TransitionTrigger,
)
from headwater.store.models import MetadataTarget, Page, utc_now
from headwater.store.sql import ml_models
from headwater.store.sql import pipelines as pipeline_rows
from headwater.store.sql.approval_policies import required_approvals
from headwater.store.sql.approval_requests import make_request
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    project_column,
    project_via,
    where_clauses,
)
from headwater.store.sql.metadata_entries import load_metadata
from headwater.store.sql.model_versions import get_model_version_by_id
from headwater.store.sql.paging import fetch_page
from headwater.store.sql.schema import (
    model_versions,
    models,
    stage_transitions,
    step_runs,
    users,
)
from headwater.store.sql.stage_history import record_transition

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_FROM = (
    stage_transitions.join(
        model_versions, model_versions.c.id == stage_transitions.c.model_version_id
    )
    .join(models, models.c.id == model_versions.c.model_id)
    .outerjoin(users, users.c.id == stage_transitions.c.user_id)
)
_SELECT_TRANSITIONS: Select[Any] = select(
    stage_transitions,
    models.c.id.label("model_id"),
    models.c.name.label("model_name"),
    model_versions.c.number.label("version_number"),
    users.c.name.label("user_name"),
).select_from(_FROM)
_LISTING = Listing(
    declared=STAGE_TRANSITIONS,
    filters={
        "model_id": ColumnFilter(models.c.id, FieldKind.ID),
        "model_name": ColumnFilter(models.c.name, FieldKind.TEXT),
        "model_version_id": ColumnFilter(stage_transitions.c.model_version_id, FieldKind.ID),
        "version_number": ColumnFilter(model_versions.c.number, FieldKind.INTEGER),
        "from_stage": ColumnFilter(stage_transitions.c.from_stage, FieldKind.TEXT),
        "to_stage": ColumnFilter(stage_transitions.c.to_stage, FieldKind.TEXT),
        "outcome": ColumnFilter(stage_transitions.c.outcome, FieldKind.TEXT),
        "trigger": ColumnFilter(stage_transitions.c.trigger, FieldKind.TEXT),
        "user_name": ColumnFilter(users.c.name, FieldKind.TEXT),
        "created": ColumnFilter(stage_transitions.c.created, FieldKind.DATETIME),
    },
    sort_columns={"created": stage_transitions.c.created},
    id_column=stage_transitions.c.id,
    table=stage_transitions,
    source=_FROM,
    project=project_via(
        stage_transitions.c.model_version_id,
        model_versions.c.id,
        project_via(model_versions.c.model_id, models.c.id, project_column(models.c.project_id)),
    ),
)
# Promotion rules only move a version up this ladder, never down.
_RANK = {
    ModelStage.NONE: 0,
    ModelStage.ARCHIVED: 0,
    ModelStage.STAGING: 1,
    ModelStage.PRODUCTION: 2,
}
# Two transitions written by one change (a demotion, then the promotion) get times this
# far apart, so the history reads in the order they happened.
_TICK = dt.timedelta(microseconds=1)


def set_stage(
    connection: Connection,
    version_id: uuid.UUID,
    change: StageChange,
    *,
    trigger: TransitionTrigger = TransitionTrigger.USER,
    is_approved: bool = False,
    request_id: uuid.UUID | None = None,
) -> ModelVersion:
    """Move a version to `change.stage`, recording the transition (and any demotion).

    `is_approved` says the approvals a policy asks for were given (by `request_id`).

    Raises:
        EntityNotFoundError: there is no model version with that id.
        StageConflictError: another version holds the stage and `change.force` is unset.
        ApprovalRequiredError: a policy holds the change back and it is not approved.
    """
    version = get_model_version_by_id(connection, version_id)
    connection.execute(ml_models.LOCK_MODEL, {"model_id": version.model_id})
    version = get_model_version_by_id(connection, version_id)  # as it is now we hold the lock
    if version.stage is change.stage:
        return version
    if not is_approved:
        _check_needs_no_approval(connection, version, change.stage)
    # Read the clock only now: whoever waited for the lock records a later time.
    now = utc_now()
    user_id = pipeline_rows.ensure_user(connection, change.user_name, now)
    holder = _holder(connection, version, change.stage)
    if holder is not None:
        if not change.force:
            raise stage_conflict(version, holder, change.stage)
        _move(connection, holder, ModelStage.ARCHIVED)
        record_transition(
            connection,
            holder,
            to_stage=ModelStage.ARCHIVED,
            user_id=user_id,
            reason=f"version {version.number} was forced into {change.stage}",
            trigger=TransitionTrigger.DEMOTION,
            now=now,
            request_id=request_id,
        )
        now += _TICK
    _move(connection, version, change.stage)
    record_transition(
        connection,
        version,
        to_stage=change.stage,
        user_id=user_id,
        reason=change.reason,
        trigger=trigger,
        now=now,
        request_id=request_id,
    )
    return get_model_version_by_id(connection, version_id)


def _check_needs_no_approval(
    connection: Connection, version: ModelVersion, stage: ModelStage
) -> None:
    required = required_approvals(connection, version, stage)
    if required:
        raise ApprovalRequiredError(
            f"Moving version {version.number} of model '{version.model_name}' from "
            f"'{version.stage}' to '{stage}' needs {required} approval(s) by its policy. "
            f"Request it with `headwater models promote {version.model_name} "
            f"{version.number} {stage}` (or Client().request_stage_change), then have "
            f"approvers approve it."
        )


def record_refusal(
    connection: Connection, version_id: uuid.UUID, change: StageChange, now: dt.datetime
) -> None:
    """Record a promotion that was refused, after its own transaction rolled back."""
    version = get_model_version_by_id(connection, version_id)
    holder = _holder(connection, version, change.stage)
    holder_name = "another version" if holder is None else f"version {holder.number}"
    explanation = f"refused: {holder_name} holds '{change.stage}' and force was not given"
    reason = explanation if change.reason is None else f"{change.reason} ({explanation})"
    record_transition(
        connection,
        version,
        to_stage=change.stage,
        user_id=pipeline_rows.ensure_user(connection, change.user_name, now),
        reason=reason,
        trigger=TransitionTrigger.USER,
        now=now,
        outcome=TransitionOutcome.REFUSED,
    )


def list_stage_transitions(connection: Connection, query: ListQuery) -> Page[StageTransition]:
    """A page of recorded stage transitions matching the query."""
    clauses = where_clauses(_LISTING, query, connection=connection)
    rows, total = fetch_page(connection, _LISTING, _SELECT_TRANSITIONS, query, clauses)
    items = tuple(
        StageTransition(
            id=row.id,
            model_id=row.model_id,
            model_name=row.model_name,
            model_version_id=row.model_version_id,
            version_number=row.version_number,
            from_stage=ModelStage(row.from_stage or ModelStage.NONE),
            to_stage=ModelStage(row.to_stage or ModelStage.NONE),
            outcome=TransitionOutcome(row.outcome),
            trigger=TransitionTrigger(row.trigger),
            user_name=row.user_name,
            reason=row.reason,
            created=row.created,
            request_id=row.request_id,
        )
        for row in rows
    )
    return Page(items=items, index=query.index, size=query.size, total=total)


def apply_promotion_rules(
    connection: Connection,
    version_id: uuid.UUID,
    *,
    run_id: uuid.UUID | None,
    user_name: str,
    now: dt.datetime,
) -> int:
    """Evaluate the model's promotion rules on a version; record each decision.

    A rule that holds moves the version up to its stage (demoting the holder); one that
    does not hold, or would not move it up, is recorded as skipped. Returns how many
    rules were evaluated.
    """
    version = get_model_version_by_id(connection, version_id)
    rules = ml_models.get_model(connection, version.model_id).promotion_rules
    if not rules:
        return 0
    connection.execute(ml_models.LOCK_MODEL, {"model_id": version.model_id})
    values = _metadata_values(connection, version, run_id)
    user_id = pipeline_rows.ensure_user(connection, user_name, now)
    for rule in rules:
        version = get_model_version_by_id(connection, version_id)
        _apply_rule(connection, version, rule, values.get(rule.metadata_key), user_id)
    return len(rules)


def stage_conflict(
    version: ModelVersion, holder: ModelVersion, stage: ModelStage
) -> StageConflictError:
    """The error for a promotion into a stage another version holds."""
    return StageConflictError(
        f"Cannot move version {version.number} of model '{version.model_name}' to "
        f"'{stage}': version {holder.number} is in '{stage}' already. Pass force=True "
        f"(`--force` on the command line) to move version {holder.number} to 'archived'."
    )


def _apply_rule(
    connection: Connection,
    version: ModelVersion,
    rule: PromotionRule,
    value: Any,
    user_id: uuid.UUID,
) -> None:
    decision = rule.decide(value)
    if decision.promote and _RANK[version.stage] >= _RANK[rule.stage]:
        skipped_reason: str | None = f"{decision.reason}, but it is in '{version.stage}' already"
    else:
        skipped_reason = None if decision.promote else decision.reason
    if skipped_reason is not None:
        record_transition(
            connection,
            version,
            to_stage=rule.stage,
            user_id=user_id,
            reason=skipped_reason,
            trigger=TransitionTrigger.RULE,
            now=utc_now(),
            outcome=TransitionOutcome.SKIPPED,
        )
        return
    required = required_approvals(connection, version, rule.stage)
    if required:
        _request_for_rule(connection, version, rule, decision.reason, user_id, required)
        return
    user_name = connection.execute(select(users.c.name).where(users.c.id == user_id)).scalar_one()
    change = StageChange(stage=rule.stage, force=True, reason=decision.reason, user_name=user_name)
    set_stage(connection, version.id, change, trigger=TransitionTrigger.RULE)


def _request_for_rule(
    connection: Connection,
    version: ModelVersion,
    rule: PromotionRule,
    reason: str,
    user_id: uuid.UUID,
    required: int,
) -> None:
    """A rule that holds for a stage a policy protects asks for approval instead."""
    now = utc_now()
    try:
        make_request(
            connection,
            version,
            to_stage=rule.stage,
            force=True,
            reason=reason,
            user_id=user_id,
            required=required,
            trigger=TransitionTrigger.RULE,
            now=now,
        )
    except ApprovalError:
        record_transition(
            connection,
            version,
            to_stage=rule.stage,
            user_id=user_id,
            reason=f"{reason}, but a request for it is pending already",
            trigger=TransitionTrigger.RULE,
            now=now,
            outcome=TransitionOutcome.SKIPPED,
        )


def _metadata_values(
    connection: Connection, version: ModelVersion, run_id: uuid.UUID | None
) -> dict[str, Any]:
    """Metadata values a rule may read: the run's steps', the run's, then the version's own
    (later sources win)."""
    values: dict[str, Any] = {}
    if run_id is not None:
        step_ids = list(
            connection.execute(
                select(step_runs.c.id)
                .where(step_runs.c.run_id == run_id)
                .order_by(step_runs.c.created, step_runs.c.id)
            ).scalars()
        )
        by_step = load_metadata(connection, MetadataTarget.STEP_RUN, step_ids)
        for step_id in step_ids:
            values.update({k: e.value for k, e in by_step.get(step_id, {}).items()})
        run_metadata = load_metadata(connection, MetadataTarget.RUN, [run_id]).get(run_id, {})
        values.update({k: e.value for k, e in run_metadata.items()})
    values.update({k: e.value for k, e in version.metadata.items()})
    return values


def _holder(
    connection: Connection, version: ModelVersion, stage: ModelStage
) -> ModelVersion | None:
    if not stage.is_exclusive:
        return None
    found = connection.execute(
        select(model_versions.c.id).where(
            model_versions.c.model_id == version.model_id,
            model_versions.c.stage == stage.value,
            model_versions.c.id != version.id,
        )
    ).scalar()
    return None if found is None else get_model_version_by_id(connection, found)


def _move(connection: Connection, version: ModelVersion, stage: ModelStage) -> None:
    connection.execute(
        update(model_versions).where(model_versions.c.id == version.id).values(stage=stage.value)
    )
