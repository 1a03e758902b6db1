"""Pipelines run from several threads of one process at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from headwater import Client
from tests.pipelines.linear import linear

THREADS = 8


def test_eight_threads_running_pipelines_at_once_all_complete_with_their_own_steps():
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        runs = list(pool.map(lambda n: linear(n=n), range(1, THREADS + 1)))

    for n, run in enumerate(runs, start=1):
        response = Client().get_pipeline_run(run.id)
        assert response.status == "completed"
        assert {s.status for s in response.steps.values()} == {"completed"}
        assert response.steps["total"].output.load() == sum(2 * x for x in range(n))
        messages = [line.message for line in response.steps["load"].logs()]
        assert messages == [f"loading {n} numbers"]
    assert Client().list_pipeline_runs(pipeline_name="linear").total == THREADS
