"""`StoreEvent`: one change of a run or step run, as the live event stream delivers it."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from headwater.store.models import ExecutionStatus


class EventEntity(StrEnum):
    """What changed."""

    RUN = "run"
    STEP_RUN = "step_run"


class EventChange(StrEnum):
    """How it changed."""

    CREATED = "created"
    STATUS = "status"
    DELETED = "deleted"


class StoreEvent(BaseModel):
    """A recorded change; `id`s only grow, so a reader resumes after the last it saw."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    created: dt.datetime
    entity: EventEntity
    entity_id: uuid.UUID
    run_id: uuid.UUID
    # The run's or step's name (None for a deleted run).
    name: str | None
    change: EventChange
    status: ExecutionStatus | None
