"""`headwater artifacts ...`, `tags`, `users` and `projects` on the terminal."""

from __future__ import annotations

import io

import pytest

from headwater import Client
from headwater.session import get_session
from tests.pipelines.killed_save import kill_mid_save
from tests.pipelines.linear import linear


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Tables wide enough that names are never cut."""
    monkeypatch.setenv("COLUMNS", "250")


def test_artifacts_list_and_show_every_version(headwater):
    linear.with_options(enable_cache=False)(n=2)
    linear.with_options(enable_cache=False)(n=3)

    listed = headwater("artifacts", "list", "--name", "startswith:total", "-o", "json").json()
    shown = headwater("artifacts", "show", "total.output")
    one = headwater("artifacts", "show", "total.output", "--version", "2", "-o", "json").json()

    assert [a["name"] for a in listed["items"]] == ["total.output"]
    assert "builtins.int" in shown.stdout
    assert [v["version"] for v in one] == [2]


def test_artifacts_prune_dry_run_lists_and_deletes_nothing(headwater):
    old = linear.with_options(enable_cache=False)()
    linear.with_options(enable_cache=False)()
    Client().delete_pipeline_run(old.id)

    result = headwater("artifacts", "prune", "--dry-run", "-o", "json")

    body = result.json()
    assert body["deleted"] is False
    assert len(body["artifact_versions"]) == 3
    assert len(Client().prune_artifacts(dry_run=True).artifact_versions) == 3


def test_artifacts_prune_asks_then_deletes_with_yes(headwater, monkeypatch):
    old = linear.with_options(enable_cache=False)()
    Client().delete_pipeline_run(old.id)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))

    refused = headwater("artifacts", "prune")
    pruned = headwater("artifacts", "prune", "--yes")

    assert refused.exit_code == 130
    assert "Delete these 3 artifact version(s)" in refused.stdout
    assert "Deleted 3 artifact version(s)" in pruned.stdout
    assert Client().prune_artifacts(dry_run=True).artifact_versions == []


def test_nothing_to_prune_says_so(headwater):
    linear()

    result = headwater("artifacts", "prune")

    assert "Nothing to prune" in result.stdout


def test_prune_removes_what_a_killed_save_left_without_asking(headwater, tmp_path):
    linear()
    kill_mid_save(get_session().artifact_store.root_uri, tmp_path / "ready")

    listed = headwater("artifacts", "prune", "--dry-run")
    pruned = headwater("artifacts", "prune", "-o", "json").json()

    assert "Would remove 1 unfinished save(s) left in '.tmp'" in listed.stdout
    assert (pruned["abandoned_saves"], pruned["abandoned_save_bytes"]) == (1, 100_000)
    assert "Nothing to prune" in headwater("artifacts", "prune").stdout


def test_tags_users_and_projects_are_listed(headwater):
    linear.with_options(tags=["nightly"])()

    tags = headwater("tags", "list", "-o", "json").json()
    users = headwater("users", "list")
    projects = headwater("projects", "list", "-o", "json").json()

    assert [t["name"] for t in tags["items"]] == ["nightly"]
    assert "default" in users.stdout
    assert [p["name"] for p in projects["items"]] == ["default"]
