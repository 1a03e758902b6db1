"""A worker process that records runs as fast as it can (see test_concurrency.py).

Usage: python -m tests.store_contract.concurrent_writer STORE_URL RUNS WORKER READY GO

Every step makes a version of the same two artifacts, with two tags; odd workers name
them in the opposite order, which would deadlock writers that lock rows in the order
they are given.
"""

from __future__ import annotations

import sys
import uuid

from headwater.store.factory import open_store
from headwater.store.models import ExecutionStatus
from tests.store_contract.processes import wait_for_go
from tests.store_contract.records import a_run, a_step, an_output, completed

PIPELINE = "concurrent"
STEPS = ("load", "train", "evaluate")
ARTIFACTS = ("shared_a", "shared_b")
TAGS = ("alpha", "beta")


def main(url: str, runs: int, worker: int, ready: str, go: str) -> None:
    """Record `runs` runs of three steps, each making a version of both artifacts."""
    order = 1 if worker % 2 == 0 else -1
    store = open_store(url)
    wait_for_go(ready, go)
    try:
        for _ in range(runs):
            run = store.create_run(a_run(PIPELINE, tags=TAGS[::order]))
            store.update_run_status(run.id, ExecutionStatus.RUNNING)
            inputs: dict[str, uuid.UUID] = {}
            for name in STEPS:
                step = a_step(run, name, inputs=inputs)
                store.find_cached_step_run(step.cache_key)
                started = store.start_step(step)
                outputs = [
                    an_output(artifact, artifact_name=artifact, tags=TAGS[::order])
                    for artifact in ARTIFACTS[::order]
                ]
                finished = store.finish_step(started.id, completed(*outputs))
                inputs = {"previous": finished.outputs[ARTIFACTS[0]]}
                store.heartbeat(run.id)
            store.update_run_status(run.id, ExecutionStatus.COMPLETED)
    finally:
        store.close()


if __name__ == "__main__":
    url, runs, worker, ready, go = sys.argv[1:]
    main(url, int(runs), int(worker), ready, go)
