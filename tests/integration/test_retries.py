"""`retries=N` on the local orchestrator: each attempt is a step run of its own."""

from __future__ import annotations

from headwater import Client
from tests.integration.ray.helpers import step_runs
from tests.integration.ray.pipelines import retried


def test_a_failed_attempt_is_retried_in_process_and_every_attempt_is_recorded(tmp_path):
    run = retried(str(tmp_path))

    attempts = step_runs(run.id, "flaky")
    assert [a.status for a in attempts] == ["failed", "failed", "completed"]
    assert "attempt 2 fails on purpose" in (attempts[1].exception or "")
    assert Client().get_pipeline_run(run.id).steps["after"].output.load() == "DONE"
