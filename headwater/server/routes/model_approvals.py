"""`/approval-requests` and the routes that make them: approvals of model stage changes.

A model's policy (`PUT /models/{model_id}/approval-policies/{stage}`) makes changes of a
stage wait for approvals; `POST .../stage-requests` then answers a pending request
instead of moving the version, and approvers vote with `POST
/approval-requests/{request_id}/votes`. Every write here is in the audit trail.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, status
from pydantic import BaseModel, ConfigDict, Field

from headwater.server.access import CallerDep
from headwater.server.approvers import Approvers, remaining_approvers
from headwater.server.dependencies import SessionDep, StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import author_name
from headwater.server.listing import ApprovalRequestListParams
from headwater.server.schemas import PageOf
from headwater.store.model_approvals import (
    ApprovalRequest,
    DeletionRequest,
    StageRequestOutcome,
    VoteCreate,
)
from headwater.store.model_registry import (
    MAX_APPROVALS,
    ApprovalPolicy,
    Model,
    ModelStage,
    StageChange,
)
from headwater.store.permissions import Resource

router = APIRouter(tags=["models"], responses=ERROR_RESPONSES)
# The stages a policy may protect: those only one version holds at a time.
ProtectedStage = Literal["staging", "production"]


class ApprovalRequestPage(PageOf[ApprovalRequest]):
    """A page of approval requests."""


class ApprovalPolicyUpdate(BaseModel):
    """How many approvals changes of the stage need (0 removes the policy)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    required_approvals: Annotated[int, Field(ge=0, le=MAX_APPROVALS)]


@router.put("/models/{model_id}/approval-policies/{stage}", operation_id="set_approval_policy")
def set_approval_policy(
    model_id: uuid.UUID,
    stage: Annotated[ProtectedStage, Path(description="staging or production")],
    body: ApprovalPolicyUpdate,
    session: SessionDep,
) -> Model:
    """Make changes of a stage of a model wait for approvals (0: apply at once again)."""
    policy = ApprovalPolicy(stage=ModelStage(stage), required_approvals=body.required_approvals)
    return session.store.set_approval_policy(model_id, policy)


@router.post("/model-versions/{version_id}/stage-requests", operation_id="request_stage_change")
def request_stage_change(
    version_id: uuid.UUID, change: StageChange, request: Request, session: SessionDep
) -> StageRequestOutcome:
    """Ask to move a version to a stage: applied at once, or a pending approval request
    when the model's policy holds the change back."""
    change = change.model_copy(update={"user_name": author_name(request, change.user_name)})
    return session.store.request_stage_change(version_id, change)


@router.post(
    "/model-versions/{version_id}/deletion-requests",
    operation_id="request_model_version_deletion",
    status_code=status.HTTP_201_CREATED,
)
def request_model_version_deletion(
    version_id: uuid.UUID, body: DeletionRequest, request: Request, session: SessionDep
) -> ApprovalRequest:
    """Ask to delete a version in a stage a policy protects (a pending request)."""
    body = body.model_copy(update={"user_name": author_name(request, body.user_name)})
    return session.store.request_model_version_deletion(version_id, body)


@router.get("/approval-requests", operation_id="list_approval_requests")
def list_approval_requests(
    session: SessionDep,
    caller: CallerDep,
    params: Annotated[ApprovalRequestListParams, Query()],
) -> ApprovalRequestPage:
    """List approval requests (`status=pending` for what awaits approvers)."""
    query = caller.scope(params.to_query(), Resource.MODEL_VERSION)
    page: ApprovalRequestPage = ApprovalRequestPage.of(session.store.list_approval_requests(query))
    return page


@router.get("/approval-requests/{request_id}", operation_id="get_approval_request")
def get_approval_request(request_id: uuid.UUID, session: SessionDep) -> ApprovalRequest:
    """Get an approval request with its votes."""
    return session.store.get_approval_request(request_id)


@router.get("/approval-requests/{request_id}/approvers", operation_id="list_request_approvers")
def list_request_approvers(request_id: uuid.UUID, state: StateDep) -> Approvers:
    """Who may still approve a pending request: users who may promote in its model's
    project, less the requester and those who voted."""
    return remaining_approvers(state, state.session.store.get_approval_request(request_id))


@router.post("/approval-requests/{request_id}/votes", operation_id="vote_on_approval_request")
def vote_on_approval_request(
    request_id: uuid.UUID, vote: VoteCreate, request: Request, session: SessionDep
) -> ApprovalRequest:
    """Approve or reject a pending request with a comment; the approval that completes
    the count applies the change."""
    vote = vote.model_copy(update={"user_name": author_name(request, vote.user_name)})
    return session.store.vote_on_approval_request(request_id, vote)
