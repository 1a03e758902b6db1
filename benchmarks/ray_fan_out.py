"""A 1 -> 8 -> 1 fan-out of 1 s sleeps on local Ray with 1, 2 and 4 CPUs (issue 16).

The eight fan-out steps and the gathering step each sleep 1 s, so the run takes at least
ceil(8 / CPUs) + 1 s: 9 s on one CPU, 5 s on two, 3 s on four (2 s from eight CPUs on).
Sleeps need no core, so 4 CPUs on a 2-core machine may still run 4 at once. Ray is
started for each CPU count outside the figure, and warm-up runs start its workers.

    PYTHONPATH=. .venv/bin/python -m benchmarks.ray_fan_out
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from headwater.integrations.ray.orchestrator import RayOrchestrator
from headwater.runner.pipeline_runner import RunTarget, run_pipeline
from headwater.session import close_sessions, get_session

CPU_COUNTS = (1, 2, 4)
# Ray starts workers lazily: until every CPU has a warm worker, a run also pays for
# starting one (a 4-CPU Ray needs two runs on a 2-core machine).
WARM_UP_RUNS = 2
REPEATS = 3
WORKER_ENV = {"env_vars": {"PYTHONPATH": str(Path(__file__).resolve().parents[1])}}


def fan_out_seconds(cpus: int) -> float:
    """Median wall time of 1 -> 8 -> 1 runs on a Ray with `cpus` CPUs, after warm-up runs."""
    import ray

    from benchmarks.ray_pipelines import fan_out

    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, runtime_env=WORKER_ENV)
    try:
        session = get_session()
        spec, _ = fan_out.compile(8)
        target = RunTarget(session.store, session.artifact_store, orchestrator=RayOrchestrator())
        for _ in range(WARM_UP_RUNS):
            run_pipeline(spec, target, functions={})
        timings = []
        for _ in range(REPEATS):
            began = time.perf_counter()
            run_pipeline(spec, target, functions={})
            timings.append(time.perf_counter() - began)
        return statistics.median(timings)
    finally:
        ray.shutdown()


def main() -> None:
    table = Table(title="1 -> 8 -> 1 fan-out of 1 s sleeps on local Ray")
    table.add_column("CPUs", justify="right")
    table.add_column("wall s", justify="right")
    table.add_column("least possible s", justify="right")
    with tempfile.TemporaryDirectory() as home:
        os.environ["HEADWATER_HOME"] = home
        for cpus in CPU_COUNTS:
            least = -(-8 // cpus) + 1
            table.add_row(str(cpus), f"{fan_out_seconds(cpus):.2f}", str(least))
        close_sessions()
    Console().print(table)


if __name__ == "__main__":
    main()
