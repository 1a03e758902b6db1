"""`/service-connectors` and `/service-connector-types`: schemas, checks, secrets never
answered, deletion refused while used, RBAC like components, and the audit trail."""

from __future__ import annotations

import httpx
import pytest

from headwater.server.passwords import hash_password
from headwater.session import get_session
from headwater.store.access_models import Grant, ProjectCreate
from headwater.store.logins import ServerRole
from tests.server.auth_fixtures import PASSWORD, AuthServer, logins

_KEYS = {"aws_access_key_id": "AKIA-API-TEST", "aws_secret_access_key": "very-s3cret"}


def _aws(name="my-s3", **extra):
    return {"name": name, "type": "aws", "settings": {"region": "eu-west-1"}, **extra}


def test_every_connector_type_is_listed_with_its_json_schema_and_secret_fields(api):
    kinds = {k["type"]: k for k in api.get("/service-connector-types").json()}

    assert set(kinds) == {"aws", "gcp", "azure", "generic"}
    assert kinds["aws"]["secret_fields"] == [
        "aws_access_key_id",
        "aws_secret_access_key",
        "aws_session_token",
    ]
    assert kinds["aws"]["settings_schema"]["properties"]["aws_secret_access_key"] == {
        "description": "The secret access key.",
        "format": "password",
        "title": "Secret access key",
        "type": "string",
        "writeOnly": True,
    }
    assert kinds["azure"]["settings_schema"]["required"] == ["account_name", "account_key"]


def test_a_created_connector_says_which_secrets_are_set_and_never_their_values(api):
    created = api.post("/service-connectors", json=_aws(secrets=_KEYS))
    connector_id = created.json()["id"]

    answers = [
        created,
        api.get(f"/service-connectors/{connector_id}"),
        api.get("/service-connectors/my-s3"),
        api.get("/service-connectors"),
        api.patch(f"/service-connectors/{connector_id}", json={"settings": {"region": "x"}}),
    ]

    assert created.status_code == 201
    assert created.json()["secrets"] == {
        "aws_access_key_id": "set",
        "aws_secret_access_key": "set",
        "aws_session_token": "not set",
    }
    assert [a.status_code for a in answers[1:]] == [200, 200, 200, 200]
    assert [a for a in answers if "very-s3cret" in a.text or "AKIA-API-TEST" in a.text] == []


def test_a_secret_sent_among_plain_settings_is_stored_apart(api):
    created = api.post("/service-connectors", json=_aws(settings={"region": "r", **_KEYS}))

    body = created.json()
    secrets = api.get(f"/service-connectors/{body['id']}/secrets").json()

    assert body["settings"] == {"region": "r", "endpoint_url": None}
    assert secrets == _KEYS


def test_a_connector_with_bad_settings_answers_400_naming_each_problem(api):
    answer = api.post(
        "/service-connectors",
        json={"name": "bad", "type": "aws", "settings": {"endpoint_url": "ftp://x", "x": 1}},
    )

    message = answer.json()["message"]
    assert answer.status_code == 400
    assert "'aws_access_key_id' is required" in message
    assert "'endpoint_url' string should match pattern" in message
    assert "'x' is not a setting of this connector type" in message


def test_a_secret_sent_back_masked_keeps_its_value(api):
    connector_id = api.post("/service-connectors", json=_aws(secrets=_KEYS)).json()["id"]

    answer = api.patch(
        f"/service-connectors/{connector_id}",
        json={"secrets": {"aws_access_key_id": "****", "aws_secret_access_key": "rotated"}},
    )

    assert answer.status_code == 200
    assert api.get(f"/service-connectors/{connector_id}/secrets").json() == {
        "aws_access_key_id": "AKIA-API-TEST",
        "aws_secret_access_key": "rotated",
    }


def test_deleting_a_connector_in_use_answers_409_naming_the_component(api):
    connector_id = api.post("/service-connectors", json=_aws(secrets=_KEYS)).json()["id"]
    api.post(
        "/stack-components",
        json={
            "name": "s3-store",
            "type": "artifact_store",
            "flavor": "fsspec",
            "settings": {"path": "s3://bucket/prefix", "connector": "my-s3"},
        },
    ).raise_for_status()

    answer = api.delete(f"/service-connectors/{connector_id}")

    assert answer.status_code == 409
    assert answer.json()["code"] == "entity_in_use"
    assert "artifact_store 's3-store' uses it" in answer.json()["message"]


def test_verifying_a_connector_no_store_uses_without_a_location_answers_400(api):
    connector_id = api.post("/service-connectors", json=_aws(secrets=_KEYS)).json()["id"]

    answer = api.post(f"/service-connectors/{connector_id}/verify")

    assert answer.status_code == 400
    assert "no location to verify" in answer.json()["message"]


def test_verifying_a_local_artifact_store_writes_reads_and_deletes_a_probe(api, tmp_path):
    folder = tmp_path / "artifacts"
    component = api.post(
        "/stack-components",
        json={
            "name": "disk",
            "type": "artifact_store",
            "flavor": "fsspec",
            "settings": {"path": str(folder)},
        },
    ).json()

    answer = api.post(f"/stack-components/{component['id']}/verify").json()

    assert (answer["ok"], answer["failure"], answer["location"]) == (True, None, str(folder))
    assert list(folder.iterdir()) == []


# --- RBAC and audit ---------------------------------------------------------------------


@pytest.fixture
def lab(auth_server: AuthServer) -> AuthServer:
    """Project 'lab' with 'dev' a developer, 'boss' an admin and 'eve' a viewer there."""
    store = get_session().store
    for name in ("dev", "boss", "eve"):
        logins(store).save_login(name, hash_password(PASSWORD), ServerRole.VIEWER)
    store.create_project(ProjectCreate(name="lab"))
    for name, role in (("dev", "developer"), ("boss", "admin"), ("eve", "viewer")):
        store.grant_project_role("lab", Grant(name=name, role=role))
    return auth_server


def _as(server: AuthServer, user: str) -> httpx.Client:
    return httpx.Client(
        base_url=f"{server.url}/api/v1",
        headers={"Authorization": f"Bearer {server.token(user)}"},
        timeout=30,
    )


def test_a_developer_registers_a_connector_recorded_as_theirs(lab: AuthServer):
    with _as(lab, "dev") as dev:
        answer = dev.post(
            "/service-connectors",
            json=_aws(secrets=_KEYS, project_name="lab", user_name="someone-else"),
        )

    assert answer.status_code == 201
    assert (answer.json()["created_by"], answer.json()["updated_by"]) == ("dev", "dev")


def test_a_viewer_may_read_but_not_register_connectors(lab: AuthServer):
    with _as(lab, "eve") as eve:
        refused = eve.post("/service-connectors", json=_aws(secrets=_KEYS, project_name="lab"))
        listed = eve.get("/service-connectors")

    assert refused.status_code == 403
    assert "connector:create" in refused.json()["message"]
    assert listed.status_code == 200


def test_a_developer_may_not_change_a_connectors_secrets_but_an_admin_may(lab: AuthServer):
    change = {"secrets": {**_KEYS, "aws_secret_access_key": "new"}}
    with _as(lab, "boss") as boss, _as(lab, "dev") as dev:
        created = boss.post("/service-connectors", json=_aws(secrets=_KEYS, project_name="lab"))
        path = f"/service-connectors/{created.json()['id']}"

        refused = dev.patch(path, json=change)
        settings_only = dev.patch(path, json={"settings": {"region": "us-east-1"}})
        allowed = boss.patch(path, json=change)

    assert refused.status_code == 403
    assert "secret:update" in refused.json()["message"]
    assert settings_only.status_code == 200
    assert allowed.status_code == 200


def test_every_change_to_a_connector_is_in_the_audit_trail(lab: AuthServer):
    with _as(lab, "boss") as boss:
        created = boss.post("/service-connectors", json=_aws(secrets=_KEYS, project_name="lab"))
        connector_id = created.json()["id"]
        boss.patch(f"/service-connectors/{connector_id}", json={"settings": {"region": "x"}})
        boss.delete(f"/service-connectors/{connector_id}")
        trail = boss.get("/audit-events", params={"resource": "connector", "size": 50}).json()

    operations = sorted((e["operation"], e["user_name"]) for e in trail["items"])
    assert operations == [
        ("create_service_connector", "boss"),
        ("delete_service_connector", "boss"),
        ("update_service_connector", "boss"),
    ]
    assert {e["resource_id"] for e in trail["items"]} == {connector_id}
