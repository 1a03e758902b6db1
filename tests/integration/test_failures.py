"""A step that raises: recorded, reported, and nothing downstream starts."""

from __future__ import annotations

import pytest

from headwater import Client
from tests.pipelines.fails_midway import MidwayError, fails_midway


def test_the_users_exception_reaches_the_caller_with_the_run_id():
    with pytest.raises(MidwayError, match="cannot process 1") as caught:
        fails_midway()

    run = Client().get_pipeline("fails_midway").last_run
    assert any(str(run.id) in note for note in caught.value.__notes__)


def test_failed_step_and_run_are_recorded_and_downstream_never_starts():
    with pytest.raises(MidwayError):
        fails_midway()

    run = Client().get_pipeline("fails_midway").last_run

    assert run.status == "failed"
    assert {name: s.status for name, s in run.steps.items()} == {
        "prepare": "completed",
        "explode": "failed",
    }
    assert "MidwayError: cannot process 1" in run.steps["explode"].exception
    assert "Step 'explode' failed" in run.exception
    assert "about to fail" in [line.message for line in run.steps["explode"].logs()]


def test_a_run_name_no_store_can_keep_is_a_definition_error_and_records_nothing():
    from headwater.errors import DefinitionError
    from tests.pipelines.linear import linear

    with pytest.raises(DefinitionError, match=r"Pipeline 'linear' cannot be recorded: name .*255"):
        linear.with_options(run_name="x" * 300)()

    assert Client().list_pipeline_runs(pipeline_name="linear").total == 0


def test_a_failed_run_leaves_no_claim_on_the_folders_it_saved():
    with pytest.raises(MidwayError):
        fails_midway()
    run = Client().get_pipeline("fails_midway").last_run
    saved = run.steps["prepare"].output
    Client().delete_pipeline_run(run.id)

    pruned = Client().prune_artifacts()

    assert saved.id in {v.id for v in pruned.artifact_versions}
    assert saved.uri in pruned.deleted_uris
