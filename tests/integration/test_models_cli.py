"""`headwater models list|versions|promote|history` on the terminal."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from headwater import Client
from tests.pipelines.model_lifecycle import training


def headwater(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the `headwater` command in a fresh process."""
    command = [sys.executable, "-m", "headwater.cli.main", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_models_list_and_versions_as_json():
    training(quality=0.95)
    training(quality=0.5)

    models = headwater("models", "list", "-o", "json")
    versions = headwater("models", "versions", "iris", "-o", "json")

    assert models.returncode == 0, models.stderr
    assert [m["name"] for m in json.loads(models.stdout)["items"]] == ["iris"]
    assert versions.returncode == 0, versions.stderr
    listed = [(v["number"], v["stage"]) for v in json.loads(versions.stdout)["items"]]
    assert listed == [(2, "none"), (1, "staging")]


def test_models_promote_without_force_prints_one_error_naming_the_holder():
    training(quality=0.95)
    training(quality=0.5)

    result = headwater("models", "promote", "iris", "2", "staging")

    assert result.returncode == 1
    assert result.stderr.startswith("Error: Cannot move version 2 of model 'iris' to 'staging'")
    assert "version 1 is in 'staging' already" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_models_promote_with_force_and_reason_is_in_the_history():
    training(quality=0.5)
    training(quality=0.5)
    Client().update_model_version("iris", 1, stage="production")

    promoted = headwater(
        "models",
        "promote",
        "iris",
        "2",
        "production",
        "--force",
        "--reason",
        "better",
        "-o",
        "json",
    )
    history = headwater("models", "history", "iris", "-o", "json")

    assert promoted.returncode == 0, promoted.stderr
    assert json.loads(promoted.stdout)["stage"] == "production"
    moves = [
        (t["version_number"], t["to_stage"], t["trigger"], t["reason"])
        for t in json.loads(history.stdout)["items"]
        if t["outcome"] == "applied"
    ]
    assert moves[:2] == [
        (2, "production", "user", "better"),
        (1, "archived", "demotion", "version 2 was forced into production"),
    ]
    assert Client().get_model_version("iris", "production").number == 2


def test_models_history_of_one_version_shows_the_rule_decision():
    training(quality=0.5)

    result = headwater("models", "history", "iris", "1")

    assert result.returncode == 0, result.stderr
    assert "skipped" in result.stdout
    assert "rule" in result.stdout


def test_unknown_model_and_stage_are_one_line_errors():
    training()

    unknown = headwater("models", "versions", "nope")
    bad_stage = headwater("models", "promote", "iris", "1", "prod")

    assert unknown.returncode == 1
    assert unknown.stderr == (
        "Error: No model with id or name 'nope'. List models with `headwater models list`.\n"
    )
    assert bad_stage.returncode == 1
    assert bad_stage.stderr.startswith("Error: 'prod' is not a stage. Use one of: none, staging")


def test_models_delete_version_asks_then_deletes_and_refuses_production():
    training(quality=0.5)
    training(quality=0.5)
    Client().update_model_version("iris", 1, stage="production")

    declined = subprocess.run(
        [sys.executable, "-m", "headwater.cli.main", "models", "delete-version", "iris", "2"],
        input="n\n",
        capture_output=True,
        text=True,
        check=False,
    )
    deleted = headwater("models", "delete-version", "iris", "2", "--yes")
    refused = headwater("models", "delete-version", "iris", "production", "--yes")

    assert declined.returncode == 130
    assert deleted.returncode == 0, deleted.stderr
    assert "Deleted model 'iris' version 2." in deleted.stdout
    assert refused.returncode == 1
    assert refused.stderr.startswith("Error: Model 'iris' version 1 is in production")
    assert len(refused.stderr.strip().splitlines()) == 1
    assert [v.number for v in Client().list_model_versions("iris").items] == [1]


def test_models_stage_at_names_the_version_that_held_the_stage_then():
    training(quality=0.5)
    training(quality=0.5)
    Client().update_model_version("iris", 1, stage="production")
    then = dt.datetime.now(dt.UTC)
    Client().update_model_version("iris", 2, stage="production", force=True)

    answer = headwater("models", "stage-at", "iris", "production", "--at", then.isoformat())
    as_json = headwater(
        "models", "stage-at", "iris", "production", "--at", then.isoformat(), "-o", "json"
    )

    assert answer.returncode == 0, answer.stderr
    assert "Model 'iris' version 1 was in 'production' at" in answer.stdout
    assert json.loads(as_json.stdout)["version"]["number"] == 1
    assert Client().get_model_version("iris", "production", at=then).number == 1


def test_models_stage_at_before_any_promotion_or_a_bad_stage_is_one_line_error():
    training(quality=0.5)

    empty = headwater("models", "stage-at", "iris", "production", "--at", "2020-01-01T00:00")
    bad = headwater("models", "stage-at", "iris", "archived", "--at", "1h")

    for result in (empty, bad):
        assert result.returncode == 1
        assert result.stderr.startswith("Error: ")
        assert len(result.stderr.strip().splitlines()) == 1
    assert "No version of model 'iris' was in 'production'" in empty.stderr
    assert "not 'archived'" in bad.stderr


def test_under_a_policy_promote_asks_and_two_approvers_apply_it():
    training(quality=0.5)
    policy = headwater("models", "policy", "set", "iris", "production", "--approvals", "2")

    asked = headwater("models", "promote", "iris", "1", "production", "--user", "ada")
    (request,) = Client().list_approval_requests("iris", status="pending").items
    own = headwater("models", "approvals", "approve", str(request.id), "--user", "ada")
    listed = headwater("models", "approvals", "list", "-o", "json")
    first = headwater("models", "approvals", "approve", str(request.id), "--user", "bob")
    second = headwater(
        "models", "approvals", "approve", str(request.id), "--user", "cy", "--comment", "go"
    )
    history = headwater("models", "history", "iris")
    shown = headwater("models", "policy", "show", "iris")

    assert policy.returncode == 0, policy.stderr
    assert asked.returncode == 0, asked.stderr
    assert "Pending approval: move version 1 of 'iris' to 'production' needs 2" in asked.stdout
    assert own.returncode == 1
    assert own.stderr.startswith("Error: Cannot approve request")
    assert len(own.stderr.strip().splitlines()) == 1
    assert [r["id"] for r in json.loads(listed.stdout)["items"]] == [str(request.id)]
    assert "is pending, 1 of 2" in first.stdout
    assert "is applied, 2 of 2" in second.stdout
    assert Client().get_model_version("iris", 1).stage == "production"
    assert history.returncode == 0, history.stderr
    for outcome in ("requested", "approved", "applied"):
        assert outcome in history.stdout
    assert "'production' of model 'iris': 2 approval(s)" in shown.stdout


def test_deleting_a_protected_version_asks_and_a_rejection_keeps_it():
    training(quality=0.5)
    Client().update_model_version("iris", 1, stage="production")
    Client().set_approval_policy("iris", "production", 1)

    asked = headwater("models", "delete-version", "iris", "1", "--user", "ada", "--reason", "old")
    (request,) = Client().list_approval_requests("iris").items
    rejected = headwater(
        "models", "approvals", "reject", str(request.id), "--user", "bob", "--comment", "no"
    )

    assert "Pending approval: delete version 1 of 'iris' needs 1" in asked.stdout
    assert "is rejected" in rejected.stdout
    assert Client().get_model_version("iris", 1).stage == "production"


def test_bad_policy_input_is_one_line_error():
    training(quality=0.5)

    archived = headwater("models", "policy", "set", "iris", "archived", "--approvals", "1")
    too_many = headwater("models", "policy", "set", "iris", "production", "--approvals", "99")
    unknown = headwater("models", "approvals", "approve", "not-an-id")

    for result in (archived, too_many, unknown):
        assert result.returncode == 1, result.stdout
        assert result.stderr.startswith("Error: ")
        assert len(result.stderr.strip().splitlines()) == 1


def test_rules_dry_run_shows_each_versions_verdict_and_changes_nothing():
    training(quality=0.95)
    training(quality=0.5)
    before = Client().list_stage_transitions("iris").total

    own = headwater("models", "rules-dry-run", "iris", "-o", "json")
    edited = headwater("models", "rules-dry-run", "iris", "--rule", "accuracy >= 0.4 -> production")
    bad = headwater("models", "rules-dry-run", "iris", "--rule", "accuracy is high")

    assert own.returncode == 0, own.stderr
    verdicts = {v["version_number"]: v for v in json.loads(own.stdout)["versions"]}
    assert set(verdicts) == {1, 2}
    assert "does not hold" in verdicts[2]["verdicts"][0]["reason"]
    assert edited.returncode == 0, edited.stderr
    assert "accuracy >= 0.4 -> production" in edited.stdout
    assert bad.returncode == 1
    assert bad.stderr.startswith("Error: Rule 'accuracy is high' cannot be read")
    assert Client().list_stage_transitions("iris").total == before
