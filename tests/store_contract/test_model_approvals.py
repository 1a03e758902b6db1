"""Approvals of stage changes: policies, pending requests, votes, and what they apply."""

from __future__ import annotations

import pytest

from headwater.errors import (
    ApprovalError,
    ApprovalRequiredError,
    EntityNotFoundError,
    StageConflictError,
)
from headwater.store.filters import ListQuery
from headwater.store.model_approvals import (
    DeletionRequest,
    RequestKind,
    RequestStatus,
    VoteCreate,
)
from headwater.store.model_registry import (
    ApprovalPolicy,
    ModelStage,
    ModelVersionRequest,
    PromotionRule,
    StageChange,
    TransitionOutcome,
    TransitionTrigger,
)

PRODUCTION = ModelStage.PRODUCTION
TWO_FOR_PRODUCTION = ApprovalPolicy(stage=PRODUCTION, required_approvals=2)


def _versions(store, count, **request):
    return [
        store.resolve_model_version(ModelVersionRequest(model_name="iris", **request))
        for _ in range(count)
    ]


def _protected(store, count=1, policy=TWO_FOR_PRODUCTION):
    versions = _versions(store, count)
    store.set_approval_policy(versions[0].model_id, policy)
    return versions


def _ask(store, version, stage=PRODUCTION, **change):
    change = StageChange(stage=stage, user_name="ada", reason="better recall", **change)
    return store.request_stage_change(version.id, change)


def _approve(store, request, user, comment="ok"):
    vote = VoteCreate(approve=True, comment=comment, user_name=user)
    return store.vote_on_approval_request(request.id, vote)


def _history(store, version):
    page = store.list_stage_transitions(
        ListQuery(filters={"model_version_id": str(version.id)}, sort_by="asc:created")
    )
    return [(t.outcome, t.to_stage, t.user_name) for t in page.items]


def test_a_policy_is_part_of_the_model_and_zero_removes_it(store):
    (version,) = _protected(store)

    protected = store.get_model("iris")
    cleared = store.set_approval_policy(
        version.model_id, ApprovalPolicy(stage=PRODUCTION, required_approvals=0)
    )

    assert protected.approval_policies == (TWO_FOR_PRODUCTION,)
    assert cleared.approval_policies == ()


def test_without_a_policy_a_requested_change_applies_at_once(store):
    (version,) = _versions(store, 1)

    outcome = _ask(store, version)

    assert outcome.request is None
    assert outcome.version.stage is PRODUCTION


def test_with_a_policy_a_promotion_becomes_a_pending_request(store):
    (version,) = _protected(store)

    outcome = _ask(store, version)

    assert outcome.version.stage is ModelStage.NONE
    request = outcome.request
    assert request is not None
    assert (request.status, request.kind, request.to_stage) == (
        RequestStatus.PENDING,
        RequestKind.STAGE_CHANGE,
        PRODUCTION,
    )
    assert (request.requested_by, request.required_approvals, request.votes) == ("ada", 2, ())
    assert _history(store, version) == [(TransitionOutcome.REQUESTED, PRODUCTION, "ada")]
    listed = store.list_approval_requests(ListQuery(filters={"status": "pending"}))
    assert [r.id for r in listed.items] == [request.id]


def test_a_direct_stage_change_under_a_policy_is_refused_with_how_to_request_it(store):
    (version,) = _protected(store)

    with pytest.raises(ApprovalRequiredError, match=r"needs 2 approval\(s\) by its policy"):
        store.set_model_version_stage(version.id, StageChange(stage=PRODUCTION))

    assert store.get_model_version(None, version.id).stage is ModelStage.NONE


def test_the_second_approval_applies_the_change_and_everything_is_in_the_history(store):
    (version,) = _protected(store)
    request = _ask(store, version).request

    after_one = _approve(store, request, "bob")
    after_two = _approve(store, request, "cy", comment="looks good")

    assert (after_one.status, after_one.approvals) == (RequestStatus.PENDING, 1)
    assert (after_two.status, after_two.approvals) == (RequestStatus.APPLIED, 2)
    assert after_two.decided is not None
    assert store.get_model_version(None, version.id).stage is PRODUCTION
    assert _history(store, version) == [
        (TransitionOutcome.REQUESTED, PRODUCTION, "ada"),
        (TransitionOutcome.APPROVED, PRODUCTION, "bob"),
        (TransitionOutcome.APPROVED, PRODUCTION, "cy"),
        (TransitionOutcome.APPLIED, PRODUCTION, "ada"),
    ]
    applied = store.list_stage_transitions(ListQuery(filters={"outcome": "applied"})).items[0]
    assert applied.request_id == request.id
    assert applied.reason == "better recall (approved by bob, cy)"


def test_the_requester_cannot_approve_their_own_request_nor_anyone_twice(store):
    (version,) = _protected(store)
    request = _ask(store, version).request
    _approve(store, request, "bob")

    with pytest.raises(ApprovalError, match="'ada' asked for it, and may not approve"):
        _approve(store, request, "ada")
    with pytest.raises(ApprovalError, match="'bob' voted on it already"):
        _approve(store, request, "bob")

    assert store.get_approval_request(request.id).approvals == 1


def test_one_rejection_closes_the_request_and_later_votes_are_refused(store):
    (version,) = _protected(store)
    request = _ask(store, version).request

    rejected = store.vote_on_approval_request(
        request.id, VoteCreate(approve=False, comment="recall dropped", user_name="bob")
    )

    assert rejected.status is RequestStatus.REJECTED
    assert rejected.votes[0].comment == "recall dropped"
    with pytest.raises(ApprovalError, match="it is rejected already"):
        _approve(store, request, "cy")
    assert store.get_model_version(None, version.id).stage is ModelStage.NONE
    assert _history(store, version)[-1] == (TransitionOutcome.REJECTED, PRODUCTION, "bob")


def test_an_approved_request_for_a_held_stage_without_force_ends_refused(store):
    one, two = _protected(store, 2, ApprovalPolicy(stage=PRODUCTION, required_approvals=1))
    first = _ask(store, one).request
    second = _ask(store, two).request
    _approve(store, first, "bob")

    decided = _approve(store, second, "bob")

    assert decided.status is RequestStatus.REFUSED
    assert store.get_model_version(None, two.id).stage is ModelStage.NONE
    assert _history(store, two)[-1][0] is TransitionOutcome.REFUSED


def test_an_approved_forced_request_archives_the_holder(store):
    one, two = _protected(store, 2, ApprovalPolicy(stage=PRODUCTION, required_approvals=1))
    _approve(store, _ask(store, one).request, "bob")

    decided = _approve(store, _ask(store, two, force=True).request, "bob")

    assert decided.status is RequestStatus.APPLIED
    assert store.get_model_version(None, one.id).stage is ModelStage.ARCHIVED
    assert store.get_model_version(None, two.id).stage is PRODUCTION


def test_asking_twice_for_the_same_change_is_refused(store):
    (version,) = _protected(store)
    request = _ask(store, version).request

    with pytest.raises(
        ApprovalError, match=f"pending request for this change already: '{request.id}'"
    ):
        _ask(store, version)


def test_archiving_the_production_version_needs_the_same_approvals(store):
    (version,) = _protected(store, policy=ApprovalPolicy(stage=PRODUCTION, required_approvals=1))
    _approve(store, _ask(store, version).request, "bob")

    with pytest.raises(ApprovalRequiredError, match="from 'production' to 'archived' needs 1"):
        store.set_model_version_stage(version.id, StageChange(stage=ModelStage.ARCHIVED))
    request = _ask(store, version, ModelStage.ARCHIVED).request
    _approve(store, request, "cy")

    assert store.get_model_version(None, version.id).stage is ModelStage.ARCHIVED


def test_deleting_the_production_version_needs_approvals_under_a_policy(store):
    (version,) = _protected(store, policy=ApprovalPolicy(stage=PRODUCTION, required_approvals=1))
    _approve(store, _ask(store, version).request, "bob")

    with pytest.raises(ApprovalRequiredError, match="whose policy asks 1 approval"):
        store.delete_model_version(version.id)
    request = store.request_model_version_deletion(
        version.id, DeletionRequest(reason="retired", user_name="ada")
    )
    decided = _approve(store, request, "cy")

    assert (request.kind, request.to_stage) == (RequestKind.DELETION, None)
    assert decided.status is RequestStatus.APPLIED
    assert decided.model_version_id is None
    with pytest.raises(EntityNotFoundError):
        store.get_model_version(None, version.id)


def test_deleting_the_production_version_without_a_policy_stays_refused(store):
    (version,) = _versions(store, 1)
    store.set_model_version_stage(version.id, StageChange(stage=PRODUCTION))

    with pytest.raises(StageConflictError, match="is in production"):
        store.request_model_version_deletion(version.id, DeletionRequest(user_name="ada"))
    with pytest.raises(StageConflictError, match="is in production"):
        store.delete_model_version(version.id)


def test_a_rule_that_holds_for_a_protected_stage_asks_for_approval(store):
    rule = PromotionRule(stage="production", metadata_key="accuracy", operator=">=", threshold=0.9)
    (version,) = _protected(store)
    store.update_model(version.model_id, promotion_rules=(rule,))
    from headwater.store.metadata import encode_metadata
    from headwater.store.models import MetadataTarget

    store.add_metadata(
        MetadataTarget.MODEL_VERSION, version.id, encode_metadata({"accuracy": 0.95})
    )

    store.apply_promotion_rules(version.id, user_name="trainer")

    (request,) = store.list_approval_requests(ListQuery()).items
    assert (request.requested_by, request.to_stage, request.force) == ("trainer", PRODUCTION, True)
    transitions = store.list_stage_transitions(ListQuery()).items
    assert [(t.outcome, t.trigger) for t in transitions] == [
        (TransitionOutcome.REQUESTED, TransitionTrigger.RULE)
    ]
    assert store.get_model_version(None, version.id).stage is ModelStage.NONE


def test_a_policy_on_a_stage_many_versions_hold_is_refused():
    with pytest.raises(ValueError, match="a policy protects 'staging' or 'production'"):
        ApprovalPolicy(stage=ModelStage.ARCHIVED, required_approvals=1)


def test_an_unknown_request_is_not_found(store):
    import uuid

    with pytest.raises(EntityNotFoundError, match="No approval request with id"):
        store.get_approval_request(uuid.uuid4())
