"""A component's secrets are written under `secret:update`, not `component:update`."""

from __future__ import annotations

import uuid

import httpx
import pytest

from headwater.server.passwords import hash_password
from headwater.session import get_session
from headwater.stacks.flavor_registry import FLAVORS_VARIABLE
from headwater.store.access_models import Grant, ProjectCreate
from headwater.store.logins import ServerRole
from headwater.store.stack_models import StackComponentCreate, StackComponentType
from tests.server.auth_fixtures import PASSWORD, AuthServer, logins


@pytest.fixture
def component_path(auth_server: AuthServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """A webhook alerter with a secret in project 'lab': 'dev' is a developer, 'boss' admin."""
    monkeypatch.setenv(
        FLAVORS_VARIABLE, "tests.stacks_fixtures.webhook_flavor:WebhookAlerterFlavor"
    )
    store = get_session().store
    for name in ("dev", "boss"):
        logins(store).save_login(name, hash_password(PASSWORD), ServerRole.VIEWER)
    store.create_project(ProjectCreate(name="lab"))
    store.grant_project_role("lab", Grant(name="dev", role="developer"))
    store.grant_project_role("lab", Grant(name="boss", role="admin"))
    component = store.create_stack_component(
        StackComponentCreate(
            name="hook",
            type=StackComponentType.ALERTER,
            flavor="token-hook",
            settings={"url": "http://hooks.invalid"},
            secrets={"token": "old"},
            project_name="lab",
        )
    )
    return f"{auth_server.url}/api/v1/stack-components/{component.id}"


def _patch(server: AuthServer, user: str, path: str, body: dict[str, object]) -> httpx.Response:
    return httpx.patch(path, json=body, headers={"Authorization": f"Bearer {server.token(user)}"})


def test_a_developer_may_not_write_a_components_secrets(
    auth_server: AuthServer, component_path: str
):
    answer = _patch(auth_server, "dev", component_path, {"secrets": {"token": "new"}})

    assert answer.status_code == 403
    assert "secret:update" in answer.json()["message"]
    assert get_session().store.get_stack_component_secrets(
        uuid.UUID(component_path.rsplit("/", 1)[1])
    ) == {"token": "old"}


def test_a_developer_may_still_rename_a_component(auth_server: AuthServer, component_path: str):
    answer = _patch(auth_server, "dev", component_path, {"name": "renamed"})

    assert answer.status_code == 200
    assert answer.json()["name"] == "renamed"


def test_a_developer_may_send_masked_secrets_back_unchanged(
    auth_server: AuthServer, component_path: str
):
    answer = _patch(auth_server, "dev", component_path, {"secrets": {"token": "****"}})

    assert answer.status_code == 200


def test_a_project_admin_may_write_a_components_secrets(
    auth_server: AuthServer, component_path: str
):
    answer = _patch(auth_server, "boss", component_path, {"secrets": {"token": "new"}})

    assert answer.status_code == 200
