"""Scheduling overhead of the Ray orchestrator against the local one (issue 16).

Chains of trivial steps on local Ray (2 CPUs, started once, outside the figures) and in
process, on the embedded SQLite store. The fixed cost per run is the 1-step run's wall
time; the cost per step is the slope between the 1-step and the 20-step chain.

    PYTHONPATH=. .venv/bin/python -m benchmarks.ray_overhead
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
from headwater.runner.orchestrators.local import LocalOrchestrator
from headwater.runner.pipeline_runner import RunTarget, run_pipeline
from headwater.session import close_sessions, get_session

REPEATS = 5
LENGTHS = (1, 20)
# Workers import the benchmark's steps from this checkout.
WORKER_ENV = {"env_vars": {"PYTHONPATH": str(Path(__file__).resolve().parents[1])}}


def median_run_ms(orchestrator: object, length: int) -> float:
    """Median wall time of a `length`-step chain, after one warm-up run."""
    from benchmarks.ray_pipelines import chain

    session = get_session()
    spec, functions = chain.compile(length)
    target = RunTarget(session.store, session.artifact_store, orchestrator=orchestrator)  # type: ignore[arg-type]
    run_pipeline(spec, target, functions=functions)
    timings = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        run_pipeline(spec, target, functions=functions)
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def main() -> None:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env=WORKER_ENV)
    table = Table(title=f"Chains of trivial steps, embedded SQLite (median of {REPEATS})")
    for column in ("orchestrator", "1-step run ms", "20-step run ms", "ms per extra step"):
        table.add_column(column, justify="left" if column == "orchestrator" else "right")
    try:
        with tempfile.TemporaryDirectory() as home:
            os.environ["HEADWATER_HOME"] = home
            for name, orchestrator in (("local", LocalOrchestrator()), ("ray", RayOrchestrator())):
                one, many = (median_run_ms(orchestrator, n) for n in LENGTHS)
                per_step = (many - one) / (LENGTHS[1] - LENGTHS[0])
                table.add_row(name, f"{one:.0f}", f"{many:.0f}", f"{per_step:.1f}")
            close_sessions()
    finally:
        ray.shutdown()
    Console().print(table)


if __name__ == "__main__":
    main()
