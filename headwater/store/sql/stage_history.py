"""The stage history: recording a transition, and which version held a stage when.

Stage at a time is answered from the applied transitions alone: the latest one at or
before the moment that moved a version into or out of the stage says who held it (into)
or that it was empty (out of). A version deleted since takes its history with it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, or_, select

from headwater.errors import EntityNotFoundError, InvalidValueError
from headwater.store.model_registry import (
    ModelStage,
    ModelVersion,
    StageHolder,
    TransitionOutcome,
    TransitionTrigger,
)
from headwater.store.sql import ml_models
from headwater.store.sql.ids import new_id
from headwater.store.sql.model_versions import get_model_version_by_id
from headwater.store.sql.schema import model_versions, stage_transitions

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_LAST_CHANGE = (
    select(
        stage_transitions.c.model_version_id,
        stage_transitions.c.to_stage,
        stage_transitions.c.created,
    )
    .join(model_versions, model_versions.c.id == stage_transitions.c.model_version_id)
    .where(
        model_versions.c.model_id == bindparam("model_id"),
        stage_transitions.c.outcome == TransitionOutcome.APPLIED.value,
        stage_transitions.c.created <= bindparam("at"),
        or_(
            stage_transitions.c.to_stage == bindparam("stage"),
            stage_transitions.c.from_stage == bindparam("stage"),
        ),
    )
    .order_by(stage_transitions.c.created.desc())
    .limit(1)
)


def record_transition(
    connection: Connection,
    version: ModelVersion,
    *,
    to_stage: ModelStage,
    user_id: uuid.UUID | None,
    reason: str | None,
    trigger: TransitionTrigger,
    now: dt.datetime,
    outcome: TransitionOutcome = TransitionOutcome.APPLIED,
    request_id: uuid.UUID | None = None,
) -> None:
    """Add one row to the version's stage history."""
    connection.execute(
        stage_transitions.insert(),
        {
            "id": new_id(),
            "model_version_id": version.id,
            "from_stage": version.stage.value,
            "to_stage": to_stage.value,
            "user_id": user_id,
            "reason": reason,
            "outcome": outcome.value,
            "trigger": trigger.value,
            "created": now,
            "request_id": request_id,
        },
    )


def get_stage_holder(
    connection: Connection, model_name_or_id: uuid.UUID | str, stage: ModelStage, at: dt.datetime
) -> StageHolder:
    """The version that held `stage` at `at`, and since when.

    Raises:
        EntityNotFoundError: there is no such model, or no version held the stage then.
        InvalidValueError: the stage is not one a single version holds, or `at` has no
            timezone.
    """
    _check_question(stage, at)
    model = ml_models.get_model(connection, model_name_or_id)
    row = connection.execute(
        _LAST_CHANGE, {"model_id": model.id, "stage": stage.value, "at": at}
    ).first()
    if row is None or row.to_stage != stage.value:
        raise EntityNotFoundError(
            f"No version of model '{model.name}' was in '{stage}' at {at.isoformat()}. See "
            f"when versions moved with `headwater models history {model.name}`."
        )
    version = get_model_version_by_id(connection, row.model_version_id)
    return StageHolder(
        model_name=model.name, stage=stage, at=at, since=row.created, version=version
    )


def _check_question(stage: ModelStage, at: dt.datetime) -> None:
    problems = []
    if not stage.is_exclusive:
        problems.append(
            f"'{stage}' can hold many versions at once; ask about 'staging' or 'production'"
        )
    if at.tzinfo is None:
        problems.append(f"the time {at.isoformat()} has no timezone; add one, e.g. '+00:00'")
    if problems:
        raise InvalidValueError(f"Cannot say which version held a stage: {'; '.join(problems)}.")
