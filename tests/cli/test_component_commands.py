"""`headwater component ...`: list, register, describe, update, delete, flavors."""

from __future__ import annotations

import pytest

from headwater.errors import StackValidationError
from headwater.stacks.flavor_registry import FLAVORS_VARIABLE

_WEBHOOK = "tests.stacks_fixtures.webhook_flavor:WebhookAlerterFlavor"


def _register_disk(headwater, name, path):
    return headwater(
        "component",
        "register",
        name,
        "--type",
        "artifact_store",
        "--flavor",
        "fsspec",
        "--setting",
        f"path={path}",
    )


def test_register_records_the_flavor_and_settings(headwater, tmp_path):
    result = _register_disk(headwater, "disk", tmp_path)

    listed = headwater("component", "list", "--type", "artifact_store", "-o", "json").json()

    assert result.exit_code == 0
    assert {c["name"]: c["settings"] for c in listed} == {
        "default": {"path": None},
        "disk": {"path": str(tmp_path)},
    }


def test_register_with_bad_settings_lists_every_problem(headwater):
    result = headwater(
        "component",
        "register",
        "disk",
        "--type",
        "artifact_store",
        "--flavor",
        "fsspec",
        "--setting",
        "path=",
        "--setting",
        "colour=red",
    )

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: The settings of artifact_store 'disk' (flavor")
    assert "'path' must NOT have fewer than 1 characters" in result.stderr
    assert "'colour' is not a setting of this flavor" in result.stderr


def test_register_with_an_unknown_flavor_names_the_known_ones(headwater):
    result = headwater("component", "register", "x", "--type", "orchestrator", "--flavor", "k8s")

    assert result.exit_code == 1
    assert "no orchestrator flavor named 'k8s'. Use one of: 'local'" in result.stderr


def test_register_with_an_unknown_type_names_the_types(headwater):
    result = headwater("component", "register", "x", "--type", "database", "--flavor", "local")

    assert result.exit_code == 1
    assert "'database' is not a stack component type. Use one of: orchestrator," in result.stderr


def test_update_changes_one_setting_and_rename_renames(headwater, tmp_path):
    _register_disk(headwater, "disk", tmp_path / "a")

    result = headwater(
        "component", "update", "disk", "--setting", f"path={tmp_path / 'b'}", "--rename", "disk2"
    )

    assert result.exit_code == 0
    shown = headwater("component", "describe", "disk2", "-o", "json").json()
    assert shown["settings"] == {"path": str(tmp_path / "b")}


def test_delete_of_a_component_in_use_names_the_stacks(headwater, tmp_path):
    _register_disk(headwater, "disk", tmp_path)
    headwater("stack", "register", "one", "-o", "default", "-a", "disk")
    headwater("stack", "register", "two", "-o", "default", "-a", "disk")

    result = headwater("component", "delete", "disk")

    assert result.exit_code == 1
    assert "the stacks 'one', 'two' use it" in result.stderr
    assert headwater("component", "describe", "disk", "-o", "json").json()["stacks"] == [
        "one",
        "two",
    ]


def test_delete_removes_an_unused_component(headwater, tmp_path):
    _register_disk(headwater, "disk", tmp_path)

    result = headwater("component", "delete", "disk", "--type", "artifact_store")

    assert result.exit_code == 0
    assert (
        "No artifact_store with id or name 'disk'"
        in headwater("component", "describe", "disk", "--type", "artifact_store").stderr
    )


def test_flavors_shows_each_flavor_with_its_settings_schema(headwater):
    flavors = headwater("component", "flavors", "-o", "json").json()

    by_name = {f["name"]: f for f in flavors}
    assert set(by_name) >= {"local", "fsspec"}
    assert "path" in by_name["fsspec"]["settings_schema"]["properties"]


def test_a_flavor_named_in_the_environment_takes_secrets_that_are_never_printed(
    headwater, monkeypatch
):
    monkeypatch.setenv(FLAVORS_VARIABLE, _WEBHOOK)

    registered = headwater(
        "component",
        "register",
        "hook",
        "--type",
        "alerter",
        "--flavor",
        "token-hook",
        "--setting",
        "url=https://example.org/hook",
        "--setting",
        "token=s3cr3t-value",
    )
    listed = headwater("component", "list")
    shown = headwater("component", "describe", "hook", "-o", "json")

    assert registered.exit_code == 0, registered.stderr
    assert "s3cr3t-value" not in listed.stdout + shown.stdout
    assert shown.json()["settings"] == {
        "url": "https://example.org/hook",
        "token": "****",
        "retries": 3,
    }


def test_settings_pairs_without_equals_are_refused_together():
    from headwater.cli.components import parse_settings

    with pytest.raises(StackValidationError, match="'a' is not KEY=VALUE; 'b' is not"):
        parse_settings(["a", "b", "c=1"])


def test_settings_values_that_look_like_json_objects_are_read_as_json():
    from headwater.cli.components import parse_settings

    assert parse_settings(['options={"a": 1}', "n=3"]) == {"options": {"a": 1}, "n": "3"}
