"""What the dashboard's stack pages need from the API: the server's active stack, runs by
stack, and secrets that only `secret:update` may change."""

from __future__ import annotations

import httpx
import pytest

from headwater import Client
from tests.pipelines.linear import linear

_HOOK = {
    "name": "hook",
    "type": "alerter",
    "flavor": "webhook",
    "settings": {"url": "http://127.0.0.1:9/hook"},
    "secrets": {"secret": "s3cr3t-value"},
}


def test_the_active_stack_is_the_default_until_another_is_activated(api):
    Client().create_stack_component(
        "other-disk", flavor="fsspec", component_type="artifact_store", configuration={}
    )
    other = Client().create_stack(
        "other", components={"orchestrator": "default", "artifact_store": "other-disk"}
    )

    before = api.get("/active-stack").json()
    activated = api.put(f"/stacks/{other.id}/active")
    after = api.get("/active-stack").json()

    assert before["name"] == "default"
    assert activated.status_code == 200
    assert after["name"] == "other"
    assert Client().active_stack.name == "other"


def test_runs_are_listed_by_the_stack_they_ran_on(api):
    run = linear()
    default = api.get("/active-stack").json()

    on_default = api.get("/runs", params={"stack_id": default["id"]}).json()
    elsewhere = api.get("/runs", params={"stack_id": "00000000-0000-0000-0000-000000000001"})

    assert [r["id"] for r in on_default["items"]] == [str(run.id)]
    assert elsewhere.json()["items"] == []


def _as(auth_server, name: str) -> httpx.Client:
    token = auth_server.token(name)
    return httpx.Client(
        base_url=f"{auth_server.url}/api/v1", headers={"Authorization": f"Bearer {token}"}
    )


@pytest.fixture
def hook_on_auth_server(auth_server):
    with _as(auth_server, "admin") as admin:
        created = admin.post("/stack-components", json=_HOOK)
        assert created.status_code == 201, created.text
        yield created.json()


def test_a_member_may_change_settings_but_not_a_secret(auth_server, hook_on_auth_server):
    path = f"/stack-components/{hook_on_auth_server['id']}"
    with _as(auth_server, "member") as member:
        kept = member.patch(path, json={"settings": {"url": "http://x/y", "secret": "****"}})
        changed = member.patch(path, json={"secrets": {"secret": "another"}})

    assert kept.status_code == 200
    assert changed.status_code == 403
    assert "needs 'secret:update'" in changed.json()["message"]


def test_an_admin_may_change_a_secret_and_it_is_never_answered(auth_server, hook_on_auth_server):
    path = f"/stack-components/{hook_on_auth_server['id']}"
    with _as(auth_server, "admin") as admin:
        changed = admin.patch(path, json={"secrets": {"secret": "another-value"}})
        answers = [changed.text, admin.get(path).text, admin.get("/stack-components").text]
        stored = admin.get(f"{path}/secrets").json()

    assert changed.status_code == 200
    assert stored == {"secret": "another-value"}
    assert not any("another-value" in a or "s3cr3t-value" in a for a in answers)
