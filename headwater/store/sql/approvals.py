"""Deciding approval requests: asking for a change a policy holds back, and voting on it.

A vote locks the model's row first, like every stage change, so two approvals arriving
at once are counted one after the other and the one that completes the count applies
the change, in its own transaction, exactly once. The stage is checked as it is then:
taken without `force`, the request ends `refused`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import update

from headwater.errors import ApprovalError, StageConflictError
from headwater.store.model_approvals import (
    ApprovalRequest,
    DeletionRequest,
    RequestKind,
    RequestStatus,
    VoteCreate,
)
from headwater.store.model_registry import (
    ModelStage,
    ModelVersion,
    StageChange,
    TransitionOutcome,
    TransitionTrigger,
)
from headwater.store.models import utc_now
from headwater.store.sql import ml_models, stages
from headwater.store.sql import pipelines as pipeline_rows
from headwater.store.sql.approval_policies import required_approvals
from headwater.store.sql.approval_requests import get_request, make_request
from headwater.store.sql.model_versions import (
    check_deletable,
    delete_model_version,
    get_model_version_by_id,
)
from headwater.store.sql.schema import approval_requests, approval_votes
from headwater.store.sql.stage_history import record_transition

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def locked_version(connection: Connection, version_id: uuid.UUID) -> ModelVersion:
    """The version as it is once its model's row is locked for this transaction."""
    version = get_model_version_by_id(connection, version_id)
    connection.execute(ml_models.LOCK_MODEL, {"model_id": version.model_id})
    return get_model_version_by_id(connection, version_id)


def request_stage_change(
    connection: Connection, version_id: uuid.UUID, change: StageChange
) -> ApprovalRequest | None:
    """A pending request for `change` when a policy holds it back, else None (then the
    caller applies it as any stage change).

    Raises:
        ApprovalError: the same change of this version is pending already.
    """
    version = locked_version(connection, version_id)
    if version.stage is change.stage:
        return None
    required = required_approvals(connection, version, change.stage)
    if required == 0:
        return None
    now = utc_now()  # read only now: whoever waited for the lock records a later time
    return make_request(
        connection,
        version,
        to_stage=change.stage,
        force=change.force,
        reason=change.reason,
        user_id=pipeline_rows.ensure_user(connection, change.user_name, now),
        required=required,
        trigger=TransitionTrigger.USER,
        now=now,
    )


def request_deletion(
    connection: Connection, version_id: uuid.UUID, request: DeletionRequest
) -> ApprovalRequest:
    """A pending request to delete a version in a protected stage.

    Raises:
        StageConflictError: the version is in production and no policy allows deleting it.
        ApprovalError: the version needs no approval to be deleted, or a request to delete
            it is pending already.
    """
    version = locked_version(connection, version_id)
    required = required_approvals(connection, version, None)
    if required == 0:
        check_deletable(connection, version)  # refuses production, as ever
        raise ApprovalError(
            f"Deleting version {version.number} of model '{version.model_name}' needs no "
            f"approval: it is in '{version.stage}', which no policy protects. Delete it "
            f"with `headwater models delete-version {version.model_name} {version.number}`."
        )
    now = utc_now()
    return make_request(
        connection,
        version,
        to_stage=None,
        force=False,
        reason=request.reason,
        user_id=pipeline_rows.ensure_user(connection, request.user_name, now),
        required=required,
        trigger=TransitionTrigger.USER,
        now=now,
    )


def vote(connection: Connection, request_id: uuid.UUID, ballot: VoteCreate) -> ApprovalRequest:
    """Record one approver's vote; the approval that completes the count applies the
    change, one rejection closes the request.

    Raises:
        EntityNotFoundError: no approval request has that id.
        ApprovalError: the request is decided already, the voter asked for it (and
            approves), or voted on it already.
    """
    request = get_request(connection, request_id)
    connection.execute(ml_models.LOCK_MODEL, {"model_id": request.model_id})
    request = get_request(connection, request_id)  # as it is now we hold the lock
    _check_vote(request, ballot)
    now = utc_now()
    user_id = pipeline_rows.ensure_user(connection, ballot.user_name, now)
    connection.execute(
        approval_votes.insert(),
        {
            "request_id": request_id,
            "user_id": user_id,
            "approve": ballot.approve,
            "comment": ballot.comment,
            "created": now,
        },
    )
    if request.model_version_id is None:
        _decide(connection, request_id, RequestStatus.REFUSED, now)
        return get_request(connection, request_id)
    version = get_model_version_by_id(connection, request.model_version_id)
    record_transition(
        connection,
        version,
        to_stage=request.to_stage or version.stage,
        user_id=user_id,
        reason=ballot.comment,
        trigger=TransitionTrigger.USER,
        now=now,
        outcome=TransitionOutcome.APPROVED if ballot.approve else TransitionOutcome.REJECTED,
        request_id=request_id,
    )
    decided = get_request(connection, request_id)
    if not ballot.approve:
        _decide(connection, request_id, RequestStatus.REJECTED, now)
    elif decided.approvals >= decided.required_approvals:
        _decide(connection, request_id, _apply(connection, decided, version, now), now)
    return get_request(connection, request_id)


def _check_vote(request: ApprovalRequest, ballot: VoteCreate) -> None:
    problem = None
    if request.status is not RequestStatus.PENDING:
        problem = f"it is {request.status} already"
    elif ballot.approve and ballot.user_name == request.requested_by:
        problem = f"'{ballot.user_name}' asked for it, and may not approve their own request"
    elif any(vote.user_name == ballot.user_name for vote in request.votes):
        problem = f"'{ballot.user_name}' voted on it already"
    if problem is not None:
        raise ApprovalError(
            f"Cannot {'approve' if ballot.approve else 'reject'} request '{request.id}' "
            f"({request.describe()}): {problem}. See pending requests with `headwater "
            f"models approvals list`."
        )


def _apply(
    connection: Connection, request: ApprovalRequest, version: ModelVersion, now: dt.datetime
) -> RequestStatus:
    approvers = ", ".join(v.user_name or "?" for v in request.votes if v.approve)
    explanation = f"approved by {approvers}"
    reason = explanation if request.reason is None else f"{request.reason} ({explanation})"
    if request.kind is RequestKind.DELETION:
        delete_model_version(connection, version.id, is_approved=True)
        return RequestStatus.APPLIED
    assert request.to_stage is not None  # a stage change always names its stage
    change = StageChange(
        stage=request.to_stage,
        force=request.force,
        reason=reason,
        user_name=request.requested_by or "default",
    )
    try:
        stages.set_stage(connection, version.id, change, is_approved=True, request_id=request.id)
    except StageConflictError:
        _record_refused(connection, version, request.to_stage, request, now)
        return RequestStatus.REFUSED
    return RequestStatus.APPLIED


def _record_refused(
    connection: Connection,
    version: ModelVersion,
    stage: ModelStage,
    request: ApprovalRequest,
    now: dt.datetime,
) -> None:
    record_transition(
        connection,
        version,
        to_stage=stage,
        user_id=None,
        reason=f"approved, but another version holds '{stage}' and force was not asked",
        trigger=TransitionTrigger.USER,
        now=now,
        outcome=TransitionOutcome.REFUSED,
        request_id=request.id,
    )


def _decide(
    connection: Connection, request_id: uuid.UUID, status: RequestStatus, now: dt.datetime
) -> None:
    connection.execute(
        update(approval_requests)
        .where(approval_requests.c.id == request_id)
        .values(status=status.value, decided=now)
    )
