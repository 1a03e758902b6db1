"""Approvers voting on one request at the same moment: the change applies exactly once."""

from __future__ import annotations

from headwater.store.filters import ListQuery
from headwater.store.model_approvals import RequestStatus
from headwater.store.model_registry import (
    ApprovalPolicy,
    ModelStage,
    ModelVersionRequest,
    StageChange,
    TransitionOutcome,
)
from tests.store_contract.processes import run_together

WORKER = "tests.store_contract.concurrent_approver"


def test_three_approvers_at_once_of_a_two_approval_request_apply_it_once(
    store_backend, store, tmp_path
):
    version = store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    store.set_approval_policy(
        version.model_id, ApprovalPolicy(stage=ModelStage.PRODUCTION, required_approvals=2)
    )
    change = StageChange(stage=ModelStage.PRODUCTION, user_name="ada")
    request = store.request_stage_change(version.id, change).request
    arguments = [[store_backend.url, str(request.id), user] for user in ("bob", "cy", "dee")]

    outcomes = run_together(WORKER, arguments, tmp_path)

    assert sorted(o.strip() for o in outcomes) == [
        "vote: counted",
        "vote: counted",
        "vote: refused",
    ]
    decided = store.get_approval_request(request.id)
    assert (decided.status, decided.approvals) == (RequestStatus.APPLIED, 2)
    history = store.list_stage_transitions(ListQuery(sort_by="asc:created")).items
    outcomes_in_history = [t.outcome for t in history]
    assert outcomes_in_history == [
        TransitionOutcome.REQUESTED,
        TransitionOutcome.APPROVED,
        TransitionOutcome.APPROVED,
        TransitionOutcome.APPLIED,
    ]
    assert store.get_model_version(None, version.id).stage is ModelStage.PRODUCTION
