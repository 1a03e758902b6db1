"""Approvals over the API in server mode: who may ask and vote, and the audit trail."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from headwater.server.passwords import hash_password
from headwater.session import get_session
from headwater.store.logins import ServerRole
from headwater.store.model_registry import ModelVersionRequest
from tests.server.auth_fixtures import PASSWORD, AuthServer, logins


@pytest.fixture
def approvers(auth_server: AuthServer) -> Iterator[dict[str, httpx.Client]]:
    """A client per user: members `dev1`, `dev2` (developers of the default project, so
    they may promote), the built-in `member`, `viewer` and `admin`."""
    store = get_session().store
    for name in ("dev1", "dev2"):
        logins(store).save_login(name, hash_password(PASSWORD), ServerRole.MEMBER)
    clients = {}
    for name in ("dev1", "dev2", "member", "viewer", "admin"):
        token = auth_server.token(name)
        clients[name] = httpx.Client(
            base_url=f"{auth_server.url}/api/v1",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
    yield clients
    for client in clients.values():
        client.close()


def _version_with_policy(clients: dict[str, httpx.Client]) -> dict[str, str]:
    version = get_session().store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    answer = clients["admin"].put(
        f"/models/{version.model_id}/approval-policies/production",
        json={"required_approvals": 2},
    )
    assert answer.status_code == 200, answer.text
    return {"version_id": str(version.id), "model_id": str(version.model_id)}


def test_a_request_approved_by_two_others_applies_and_every_step_is_audited(approvers):
    ids = _version_with_policy(approvers)
    asked = approvers["dev1"].post(
        f"/model-versions/{ids['version_id']}/stage-requests",
        json={"stage": "production", "reason": "best recall", "user_name": "someone-else"},
    )
    request_id = asked.json()["request"]["id"]

    own = approvers["dev1"].post(f"/approval-requests/{request_id}/votes", json={"approve": True})
    by_viewer = approvers["viewer"].post(
        f"/approval-requests/{request_id}/votes", json={"approve": True}
    )
    first = approvers["dev2"].post(
        f"/approval-requests/{request_id}/votes", json={"approve": True, "comment": "ok"}
    )
    second = approvers["member"].post(
        f"/approval-requests/{request_id}/votes", json={"approve": True, "comment": "go"}
    )

    assert asked.status_code == 200, asked.text
    assert asked.json()["request"]["requested_by"] == "dev1"
    assert asked.json()["version"]["stage"] == "none"
    assert own.status_code == 409
    assert own.json()["code"] == "approval"
    assert "'dev1' asked for it" in own.json()["message"]
    assert by_viewer.status_code == 403
    assert first.json()["status"] == "pending"
    assert second.json()["status"] == "applied", second.text
    version = approvers["viewer"].get(f"/model-versions/{ids['version_id']}").json()
    assert version["stage"] == "production"
    audit = approvers["admin"].get("/audit-events", params={"size": 100}).json()["items"]
    trail = [(e["operation"], e["user_name"]) for e in audit]
    for expected in [
        ("set_approval_policy", "admin"),
        ("request_stage_change", "dev1"),
        ("vote_on_approval_request", "dev2"),
        ("vote_on_approval_request", "member"),
    ]:
        assert expected in trail
    pending = approvers["viewer"].get("/approval-requests", params={"status": "pending"})
    assert pending.json()["items"] == []


def test_a_direct_stage_change_under_a_policy_answers_409_approval_required(approvers):
    ids = _version_with_policy(approvers)

    answer = approvers["dev1"].put(
        f"/model-versions/{ids['version_id']}/stage", json={"stage": "production"}
    )

    assert answer.status_code == 409
    assert answer.json()["code"] == "approval_required"
    assert "needs 2 approval(s)" in answer.json()["message"]


@pytest.mark.parametrize(
    ("path", "body", "says"),
    [
        ("/approval-policies/production", {"required_approvals": -1}, "required_approvals"),
        ("/approval-policies/archived", {"required_approvals": 1}, "staging' or 'production"),
        ("/approval-policies/production", {"required_approvals": 99}, "required_approvals"),
    ],
)
def test_a_bad_policy_answers_4xx_json_naming_the_problem(approvers, path, body, says):
    ids = _version_with_policy(approvers)

    answer = approvers["admin"].put(f"/models/{ids['model_id']}{path}", json=body)

    assert 400 <= answer.status_code < 500, answer.text
    assert says in answer.text
    assert "message" in answer.json()


def test_a_viewer_may_not_set_a_policy_nor_ask_for_a_change(approvers):
    ids = _version_with_policy(approvers)

    policy = approvers["viewer"].put(
        f"/models/{ids['model_id']}/approval-policies/staging", json={"required_approvals": 1}
    )
    asked = approvers["viewer"].post(
        f"/model-versions/{ids['version_id']}/stage-requests", json={"stage": "production"}
    )

    assert (policy.status_code, asked.status_code) == (403, 403)


def test_stage_at_with_a_time_without_timezone_answers_400(approvers):
    ids = _version_with_policy(approvers)

    answer = approvers["viewer"].get(
        f"/models/{ids['model_id']}/stages/production", params={"at": "2026-11-20T14:00"}
    )
    bad_time = approvers["viewer"].get(
        f"/models/{ids['model_id']}/stages/production", params={"at": "yesterday"}
    )

    assert answer.status_code == 400
    assert "has no timezone" in answer.json()["message"]
    assert 400 <= bad_time.status_code < 500
    assert "at" in bad_time.text


def test_a_rule_edit_is_audited_and_a_dry_run_is_not(approvers):
    ids = _version_with_policy(approvers)
    rule = {"stage": "staging", "metadata_key": "accuracy", "operator": ">=", "threshold": 0.9}

    edited = approvers["member"].put(
        f"/models/{ids['model_id']}/promotion-rules", json={"promotion_rules": [rule]}
    )
    tried = approvers["viewer"].post(
        f"/models/{ids['model_id']}/promotion-rules/dry-run", json={"promotion_rules": None}
    )
    bad = approvers["viewer"].post(
        f"/models/{ids['model_id']}/promotion-rules/dry-run",
        json={"promotion_rules": [{**rule, "operator": "~"}]},
    )

    assert edited.status_code == 200, edited.text
    assert edited.json()["promotion_rules"] == [rule]
    assert tried.status_code == 200, tried.text
    assert tried.json()["versions"][0]["verdicts"][0]["reason"].endswith("'accuracy' not logged")
    assert bad.status_code in (400, 422)
    assert "operator" in bad.text
    audit = approvers["admin"].get("/audit-events", params={"size": 100}).json()["items"]
    operations = [(e["operation"], e["user_name"]) for e in audit]
    assert ("set_promotion_rules", "member") in operations
    assert not any(op == "dry_run_promotion_rules" for op, _ in operations)


def test_approvers_are_those_who_may_promote_less_the_requester_and_voters(approvers):
    ids = _version_with_policy(approvers)
    asked = approvers["dev1"].post(
        f"/model-versions/{ids['version_id']}/stage-requests", json={"stage": "production"}
    )
    request_id = asked.json()["request"]["id"]
    before = approvers["viewer"].get(f"/approval-requests/{request_id}/approvers")
    approvers["dev2"].post(f"/approval-requests/{request_id}/votes", json={"approve": True})
    after = approvers["viewer"].get(f"/approval-requests/{request_id}/approvers")
    approvers["member"].post(f"/approval-requests/{request_id}/votes", json={"approve": False})
    decided = approvers["viewer"].get(f"/approval-requests/{request_id}/approvers")

    assert before.status_code == 200, before.text
    assert before.json()["names"] == ["admin", "dev2", "member"]
    assert after.json()["names"] == ["admin", "member"]
    assert decided.json()["names"] == []
