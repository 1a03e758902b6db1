"""`/flavors` (what the dashboard builds component forms from) and the checks on the
components it writes."""

from __future__ import annotations

import pytest

from headwater.stacks.flavor_registry import FLAVORS_VARIABLE

_WEBHOOK = "tests.stacks_fixtures.webhook_flavor:WebhookAlerterFlavor"


def test_flavors_are_listed_with_the_json_schema_of_their_settings(api):
    flavors = api.get("/flavors", params={"type": "artifact_store"}).json()

    assert [(f["type"], f["name"]) for f in flavors] == [("artifact_store", "fsspec")]
    assert "path" in flavors[0]["settings_schema"]["properties"]
    assert flavors[0]["secret_fields"] == []


def test_one_flavor_is_found_by_type_and_name(api):
    flavor = api.get("/flavors/orchestrator/local").json()

    assert (flavor["name"], flavor["settings_schema"]["type"]) == ("local", "object")


def test_an_unknown_flavor_answers_400_with_the_known_ones(api):
    response = api.get("/flavors/orchestrator/k8s")

    assert response.status_code == 400
    assert "Use one of: 'local'" in response.json()["message"]


def test_an_unknown_component_type_answers_400(api):
    response = api.get("/flavors/database/x")

    assert response.status_code == 400
    assert "'database' is not a stack component type" in response.json()["message"]


@pytest.fixture
def webhook_flavor(monkeypatch):
    monkeypatch.setenv(FLAVORS_VARIABLE, _WEBHOOK)


def _hook(settings, secrets=None):
    return {
        "name": "hook",
        "type": "alerter",
        "flavor": "token-hook",
        "settings": settings,
        "secrets": secrets or {},
    }


def test_a_component_written_with_bad_settings_answers_400_listing_them(api):
    response = api.post(
        "/stack-components",
        json={
            "name": "disk",
            "type": "artifact_store",
            "flavor": "fsspec",
            "settings": {"path": "", "colour": "red"},
        },
    )

    assert response.status_code == 400
    message = response.json()["message"]
    assert "'path' must NOT have fewer than 1 characters" in message
    assert "'colour' is not a setting of this flavor" in message


def test_a_secret_sent_among_plain_settings_is_stored_apart(api, webhook_flavor):
    created = api.post("/stack-components", json=_hook({"url": "u", "token": "t0k"})).json()

    secrets = api.get(f"/stack-components/{created['id']}/secrets").json()

    assert created["settings"]["token"] == "****"
    assert created["secret_keys"] == ["token"]
    assert secrets == {"token": "t0k"}


def test_a_secret_sent_back_masked_keeps_its_value(api, webhook_flavor):
    created = api.post("/stack-components", json=_hook({"url": "u"}, {"token": "t0k"})).json()

    updated = api.patch(
        f"/stack-components/{created['id']}",
        json={"settings": {"url": "v", "token": "****", "retries": 3}},
    )

    assert updated.status_code == 200
    assert updated.json()["settings"] == {"url": "v", "retries": 3, "token": "****"}
    assert api.get(f"/stack-components/{created['id']}/secrets").json() == {"token": "t0k"}
