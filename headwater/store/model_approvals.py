"""Approvals of stage changes: the requests a model's policies make, and their votes.

A policy says a stage of a model needs some number of approvals. Then moving a version
into that stage, or taking the version holding it out (archiving or deleting it), is a
request: approvers (not the requester) approve or reject it with a comment, and the last
approval needed applies it in the same transaction. One rejection closes it. Without a
policy nothing waits: changes apply at once.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from headwater.store.model_registry import ApprovalPolicy, ModelStage, ModelVersion
from headwater.store.value_types import Name, Text


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RequestKind(StrEnum):
    """What an approval request would do once approved."""

    STAGE_CHANGE = "stage_change"
    DELETION = "deletion"


class RequestStatus(StrEnum):
    """Where an approval request stands."""

    PENDING = "pending"
    APPLIED = "applied"
    REJECTED = "rejected"
    # Approved, but the stage was held when it came to apply and force was not asked.
    REFUSED = "refused"


class ApprovalVote(_Frozen):
    """One approver's decision on a request, with their comment."""

    user_name: str | None
    approve: bool
    comment: str | None
    created: dt.datetime


class ApprovalRequest(_Frozen):
    """A stage change or deletion waiting for (or decided by) approvals.

    `model_version_id` is None once an approved deletion removed the version.
    """

    id: uuid.UUID
    model_id: uuid.UUID
    model_name: str
    model_version_id: uuid.UUID | None
    version_number: int
    kind: RequestKind
    # The stage asked for; None for a deletion.
    to_stage: ModelStage | None
    force: bool
    reason: str | None
    requested_by: str | None
    required_approvals: int
    status: RequestStatus
    votes: tuple[ApprovalVote, ...]
    created: dt.datetime
    decided: dt.datetime | None

    @property
    def approvals(self) -> int:
        """How many approvers approved so far."""
        return sum(1 for vote in self.votes if vote.approve)

    def describe(self) -> str:
        """`move version 3 of 'iris' to 'production'` or `delete version 3 of 'iris'`."""
        target = f"version {self.version_number} of '{self.model_name}'"
        if self.kind is RequestKind.DELETION:
            return f"delete {target}"
        return f"move {target} to '{self.to_stage}'"


class VoteCreate(_Frozen):
    """An approver's decision on a request (the server records the logged-in user)."""

    approve: bool
    comment: Text | None = None
    user_name: Name = "default"


class DeletionRequest(_Frozen):
    """Ask to delete a version in a protected stage."""

    reason: Text | None = None
    user_name: Name = "default"


class StageRequestOutcome(_Frozen):
    """What asking for a stage change did: applied at once (`request` None), or made a
    pending request; `version` is the version as it is now."""

    version: ModelVersion
    request: ApprovalRequest | None


__all__ = [
    "ApprovalPolicy",
    "ApprovalRequest",
    "ApprovalVote",
    "DeletionRequest",
    "RequestKind",
    "RequestStatus",
    "StageRequestOutcome",
    "VoteCreate",
]
