"""Runs execute on the active stack: its artifact store holds their outputs, and each run
records the stack and settings it ran on."""

from __future__ import annotations

import logging

import pytest
from pydantic import SecretStr

from headwater import Client
from headwater.config import ARTIFACT_STORE_URL_VARIABLE
from headwater.errors import ConfigurationError, EntityInUseError, StackValidationError
from headwater.session import get_session
from headwater.stacks.active import ACTIVE_STACK_VARIABLE
from headwater.stacks.flavor_registry import FLAVORS_VARIABLE
from headwater.stacks.runtime import component_settings
from headwater.store.stack_models import SECRET_MASK, StackComponentType
from tests.pipelines.linear import linear

ARTIFACT_STORE = StackComponentType.ARTIFACT_STORE
_WEBHOOK = "tests.stacks_fixtures.webhook_flavor:WebhookAlerterFlavor"


@pytest.fixture
def second_store(tmp_path):
    """A stack 'second' whose artifact store is a second local folder."""
    path = tmp_path / "second-artifacts"
    client = Client()
    client.create_stack_component(
        "second-disk",
        flavor="fsspec",
        component_type="artifact_store",
        configuration={"path": str(path)},
    )
    client.create_stack(
        "second", components={"orchestrator": "default", "artifact_store": "second-disk"}
    )
    return path


def _files_under(path):
    return sorted(p for p in path.rglob("*") if p.is_file())


def test_a_run_on_a_registered_stack_writes_its_artifacts_there_and_records_it(
    second_store, headwater_home
):
    Client().activate_stack("second")

    run = linear()

    outputs = [s.outputs["output"] for s in run.steps.values()]
    assert all(o.uri.startswith(str(second_store.resolve())) for o in outputs)
    assert _files_under(second_store / "artifacts")
    assert not (headwater_home / "artifacts" / "artifacts").exists()
    assert run.stack is not None
    assert run.stack.stack_name == "second"
    assert run.stack.components[ARTIFACT_STORE].settings == {"path": str(second_store)}
    assert run.config["artifact_store"] == str(second_store.resolve())


def test_artifacts_of_another_stack_stay_loadable_after_switching_back(second_store):
    client = Client()
    client.activate_stack("second")
    run = linear(n=4)

    client.activate_stack("default")
    again = client.get_pipeline_run(run.id)

    assert again.steps["total"].outputs["output"].load() == 12
    assert again.steps["load"].logs()


def test_the_default_stack_follows_the_artifact_store_variable(tmp_path, monkeypatch):
    elsewhere = tmp_path / "from-variable"
    monkeypatch.setenv(ARTIFACT_STORE_URL_VARIABLE, str(elsewhere))

    run = linear()

    assert run.stack.stack_name == "default"
    assert run.stack.components[ARTIFACT_STORE].settings == {"path": None}
    assert run.steps["load"].outputs["output"].uri.startswith(str(elsewhere.resolve()))


def test_the_stack_variable_chooses_the_stack_for_this_environment(second_store, monkeypatch):
    monkeypatch.setenv(ACTIVE_STACK_VARIABLE, "second")

    run = linear()

    assert Client().active_stack.name == "second"
    assert run.stack.stack_name == "second"


def test_a_stack_variable_naming_no_stack_says_how_to_fix_it(monkeypatch):
    monkeypatch.setenv(ACTIVE_STACK_VARIABLE, "ghost")

    with pytest.raises(ConfigurationError, match="HEADWATER_STACK names the stack 'ghost'"):
        linear()


def test_an_active_stack_deleted_elsewhere_falls_back_to_default(second_store, caplog):
    client = Client()
    client.activate_stack("second")
    get_session().store.delete_stack(client.get_stack("second").id)

    with caplog.at_level(logging.WARNING):
        active = client.active_stack

    assert active.name == "default"
    assert "no longer exists; using the default stack" in caplog.text


def test_a_deleted_stack_stays_recorded_on_its_runs(second_store):
    client = Client()
    client.activate_stack("second")
    run = linear()
    client.activate_stack("default")

    client.delete_stack("second")

    recorded = client.get_pipeline_run(run.id).stack
    assert (recorded.stack_id, recorded.stack_name) == (None, "second")


def test_client_lists_stacks_and_components_with_run_style_paging(second_store):
    client = Client()

    stacks = client.list_stacks(sort_by="asc:name", size=1, page=2)
    components = client.list_stack_components(type="artifact_store", sort_by="asc:name")

    assert [s.name for s in stacks] == ["second"]
    assert (stacks.total, stacks.total_pages) == (2, 2)
    assert [c.name for c in components] == ["default", "second-disk"]


def test_get_stack_component_without_a_name_is_the_active_stacks(second_store):
    client = Client()
    client.activate_stack("second")

    assert client.get_stack_component("artifact_store").name == "second-disk"


def test_a_component_in_use_cannot_be_deleted_from_the_client(second_store):
    with pytest.raises(EntityInUseError, match="the stack 'second' uses it"):
        Client().delete_stack_component("second-disk", "artifact_store")


def test_updating_a_component_keeps_settings_not_named(second_store, tmp_path):
    client = Client()

    updated = client.update_stack_component(
        "second-disk", "artifact_store", name="moved-disk", configuration={"path": str(tmp_path)}
    )

    assert (updated.name, updated.settings) == ("moved-disk", {"path": str(tmp_path)})
    assert client.get_stack("second").components[ARTIFACT_STORE].name == "moved-disk"


def test_a_component_with_bad_settings_is_not_registered():
    client = Client()

    with pytest.raises(StackValidationError, match="'path' must NOT have fewer than 1 characters"):
        client.create_stack_component("bad", "fsspec", "artifact_store", {"path": ""})

    assert [c.name for c in client.list_stack_components(name="bad")] == []


def test_secrets_are_masked_for_readers_and_clear_for_the_component_itself(monkeypatch):
    monkeypatch.setenv(FLAVORS_VARIABLE, _WEBHOOK)
    client = Client()
    created = client.create_stack_component(
        "hook", "token-hook", "alerter", {"url": "https://x", "token": "t0p-secret"}
    )

    client.update_stack_component("hook", "alerter", configuration={"token": SECRET_MASK})
    settings = component_settings(
        get_session().store, client.get_stack_component("alerter", "hook")
    )

    assert created.settings["token"] == SECRET_MASK
    assert "t0p-secret" not in repr(client.list_stack_components(type="alerter").items)
    assert isinstance(settings.token, SecretStr)
    assert settings.token.get_secret_value() == "t0p-secret"


def test_the_default_stack_and_its_components_cannot_be_renamed_or_deleted():
    client = Client()

    with pytest.raises(StackValidationError, match="default stack cannot be renamed"):
        client.update_stack("default", name="mine")
    with pytest.raises(StackValidationError, match="default stack cannot be deleted"):
        client.delete_stack("default")
    with pytest.raises(EntityInUseError, match="the stack 'default' uses it"):
        client.delete_stack_component("default", "orchestrator")


def test_list_flavors_pages_and_filters_by_type():
    flavors = Client().list_flavors(type="orchestrator")

    # The ray flavor registers through Headwater's own entry point, so every install has it.
    assert [f.name for f in flavors] == ["local", "ray"]
    assert flavors.total == 2
