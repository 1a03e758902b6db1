"""The flavor registry: built-ins, JSON Schema, secret fields, and registering new ones."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field, SecretStr

from headwater.errors import ConfigurationError, StackValidationError
from headwater.stacks import (
    Flavor,
    FlavorDescription,
    FlavorSettings,
    FsspecArtifactStoreFlavor,
    LocalOrchestratorFlavor,
    StackComponentType,
    get_flavor,
    list_flavors,
    register_flavor,
)
from headwater.stacks.flavor_registry import FLAVORS_VARIABLE
from tests.stacks_fixtures.webhook_flavor import WebhookAlerterFlavor


class TrackerSettings(FlavorSettings):
    uri: str
    api_key: SecretStr | None = None
    password: str = Field(default="", json_schema_extra={"secret": True})


class TrackerFlavor(Flavor):
    name = "test-tracker"
    type = StackComponentType.EXPERIMENT_TRACKER
    settings_class = TrackerSettings


def test_the_builtin_flavors_are_the_local_orchestrator_and_the_fsspec_artifact_store():
    assert get_flavor(StackComponentType.ORCHESTRATOR, "local") is LocalOrchestratorFlavor
    assert get_flavor(StackComponentType.ARTIFACT_STORE, "fsspec") is FsspecArtifactStoreFlavor
    assert list_flavors(StackComponentType.ARTIFACT_STORE)[0] is FsspecArtifactStoreFlavor


def test_a_flavor_exports_its_settings_as_json_schema():
    schema = FsspecArtifactStoreFlavor.settings_schema()

    assert schema["properties"]["path"]["anyOf"][0] == {"minLength": 1, "type": "string"}
    assert "fsspec URL" in schema["properties"]["path"]["description"]
    assert schema["additionalProperties"] is False


def test_secret_str_fields_and_fields_marked_secret_are_secrets():
    assert TrackerFlavor.secret_fields() == frozenset({"api_key", "password"})


def test_a_secret_field_is_a_write_only_password_in_the_schema():
    description = FlavorDescription.of(WebhookAlerterFlavor)

    assert description.settings_schema["properties"]["token"]["writeOnly"] is True
    assert description.secret_fields == ("token",)


def test_a_registered_flavor_is_found_and_listed_with_its_type():
    register_flavor(TrackerFlavor)

    assert get_flavor(StackComponentType.EXPERIMENT_TRACKER, "test-tracker") is TrackerFlavor
    assert TrackerFlavor in list_flavors(StackComponentType.EXPERIMENT_TRACKER)
    assert TrackerFlavor not in list_flavors(StackComponentType.ORCHESTRATOR)


def test_register_flavor_works_as_a_class_decorator():
    @register_flavor
    class DeployerFlavor(Flavor):
        name = "test-deployer"
        type = StackComponentType.MODEL_DEPLOYER

    assert get_flavor(StackComponentType.MODEL_DEPLOYER, "test-deployer") is DeployerFlavor


def test_registering_something_that_is_not_a_flavor_lists_what_is_wrong():
    class Incomplete(Flavor):
        settings_class = BaseModel

    with pytest.raises(ConfigurationError, match="it needs a `name`; its `type` must be a"):
        register_flavor(Incomplete)


def test_an_unknown_flavor_is_refused_with_the_known_ones_of_its_type():
    with pytest.raises(StackValidationError, match=r"no orchestrator flavor named 'k8s'\. Use one"):
        get_flavor(StackComponentType.ORCHESTRATOR, "k8s")


def test_flavors_named_in_the_environment_are_registered(monkeypatch):
    monkeypatch.setenv(
        FLAVORS_VARIABLE, "tests.stacks_fixtures.webhook_flavor:WebhookAlerterFlavor"
    )

    assert get_flavor(StackComponentType.ALERTER, "token-hook") is WebhookAlerterFlavor


def test_a_flavor_path_that_cannot_be_imported_says_how_to_write_it(monkeypatch):
    monkeypatch.setenv(FLAVORS_VARIABLE, "no_such_package.flavors:Nothing")

    with pytest.raises(ConfigurationError, match=r"Write it as 'package\.module:ClassName'"):
        list_flavors()
