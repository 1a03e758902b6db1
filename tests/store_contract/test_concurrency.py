"""Several processes writing one store at once lose nothing and never see it locked."""

from __future__ import annotations

from headwater.store.filters import ListQuery
from headwater.store.models import ExecutionStatus
from tests.store_contract.concurrent_writer import ARTIFACTS, PIPELINE, STEPS
from tests.store_contract.processes import run_together

WORKERS = 4
RUNS_PER_WORKER = 12


def test_four_processes_recording_runs_at_once_lose_nothing(store_backend, store, tmp_path):
    arguments = [[store_backend.url, str(RUNS_PER_WORKER), str(n)] for n in range(WORKERS)]

    errors = run_together("tests.store_contract.concurrent_writer", arguments, tmp_path)

    assert not any("database is locked" in error for error in errors)
    runs = store.list_runs(ListQuery(filters={"pipeline_name": PIPELINE}, size=1000))
    expected_runs = WORKERS * RUNS_PER_WORKER
    assert runs.total == expected_runs
    assert {run.status for run in runs.items} == {ExecutionStatus.COMPLETED}
    assert sorted(run.name for run in runs.items) == sorted(
        f"{PIPELINE}-{n}" for n in range(1, expected_runs + 1)
    )
    steps = store.list_step_runs(ListQuery(filters={"status": "completed"}, size=10_000))
    assert steps.total == expected_runs * len(STEPS)
    for artifact in ARTIFACTS:
        versions = store.list_artifact_versions(
            ListQuery(filters={"artifact_name": artifact, "tag": "beta"}, size=10_000)
        )
        assert sorted(v.version for v in versions.items) == list(range(1, steps.total + 1))
