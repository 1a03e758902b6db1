"""`headwater stack ...`: list, register, describe, set, update, rename, delete."""

from __future__ import annotations

import pytest


@pytest.fixture
def big_disk(headwater, tmp_path):
    path = tmp_path / "big-disk"
    result = headwater(
        "component",
        "register",
        "big-disk",
        "--type",
        "artifact_store",
        "--flavor",
        "fsspec",
        "--setting",
        f"path={path}",
    )
    assert result.exit_code == 0, result.stderr
    return path


def test_a_fresh_home_lists_the_default_stack_as_active(headwater):
    result = headwater("stack", "list", "-o", "json")

    assert result.exit_code == 0
    [stack] = result.json()
    assert (stack["name"], stack["is_active"]) == ("default", True)
    assert stack["components"]["orchestrator"]["flavor"] == "local"
    assert stack["components"]["artifact_store"]["flavor"] == "fsspec"


def test_register_composes_a_stack_from_component_flags(headwater, big_disk):
    registered = headwater("stack", "register", "big", "-o", "default", "-a", "big-disk")

    described = headwater("stack", "describe", "big", "-o", "json").json()

    assert registered.exit_code == 0
    assert "Registered stack 'big'" in registered.stdout
    assert described["components"]["artifact_store"]["settings"] == {"path": str(big_disk)}
    assert described["is_active"] is False


def test_set_makes_a_stack_active_for_later_commands(headwater, big_disk):
    headwater("stack", "register", "big", "-o", "default", "-a", "big-disk")

    result = headwater("stack", "set", "big")

    assert result.exit_code == 0
    assert headwater("stack", "describe", "-o", "json").json()["name"] == "big"
    table = headwater("stack", "list").stdout
    assert any(line.split("│")[1:3] == [" *      ", " big     "] for line in table.splitlines())


def test_register_with_set_activates_the_new_stack(headwater, big_disk):
    headwater("stack", "register", "big", "-o", "default", "-a", "big-disk", "--set")

    assert headwater("stack", "describe", "-o", "json").json()["name"] == "big"


def test_register_without_an_orchestrator_fails_in_one_line(headwater, big_disk):
    result = headwater("stack", "register", "half", "-a", "big-disk")

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Stack 'half' is invalid: it needs an orchestrator")
    assert result.stderr.count("\n") == 1


def test_register_naming_missing_components_lists_each(headwater):
    result = headwater("stack", "register", "bad", "-o", "nope", "-a", "gone")

    assert result.exit_code == 1
    assert "No orchestrator with id or name 'nope'" in result.stderr
    assert "No artifact_store with id or name 'gone'" in result.stderr


def test_update_swaps_a_component_and_rename_renames(headwater, big_disk):
    headwater("stack", "register", "big", "-o", "default", "-a", "default")

    updated = headwater("stack", "update", "big", "-a", "big-disk")
    renamed = headwater("stack", "rename", "big", "huge")

    assert (updated.exit_code, renamed.exit_code) == (0, 0)
    stack = headwater("stack", "describe", "huge", "-o", "json").json()
    assert stack["components"]["artifact_store"]["name"] == "big-disk"


def test_delete_removes_a_stack_but_not_the_active_or_default_one(headwater, big_disk):
    headwater("stack", "register", "big", "-o", "default", "-a", "big-disk", "--set")

    refused_active = headwater("stack", "delete", "big")
    refused_default = headwater("stack", "delete", "default")
    headwater("stack", "set", "default")
    deleted = headwater("stack", "delete", "big")

    assert "'big' is the active stack" in refused_active.stderr
    assert "default stack cannot be deleted" in refused_default.stderr
    assert deleted.exit_code == 0
    assert [s["name"] for s in headwater("stack", "list", "-o", "json").json()] == ["default"]


def test_describe_of_an_unknown_stack_fails_in_one_line(headwater):
    result = headwater("stack", "describe", "nowhere")

    assert result.exit_code == 1
    assert result.stderr == (
        "Error: No stack with id or name 'nowhere'. List stacks with `headwater stack list`.\n"
    )


def test_an_unknown_output_format_is_refused(headwater):
    result = headwater("stack", "list", "-o", "yaml")

    assert result.exit_code == 1
    assert "Unknown output format 'yaml'" in result.stderr
