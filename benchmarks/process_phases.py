"""Where a small script's time goes: each phase of `python p.py`, in fresh processes.

The whole-process figure (benchmarks/whole_process.py) is one number; this splits it.
A fresh interpreter, in a home that exists, times itself phase by phase: importing the
decorators, then what a run loads (the store's models, the local store with its
generated SQL, the runner; no SQLAlchemy since issue 19), opening the session, the first
run of a 1-step pipeline and a second one. Medians of
wall and CPU time per phase; CPU is steadier on a shared machine.

    python -m benchmarks.process_phases [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.whole_process import child_environment

REPEATS = 7

PHASES_SCRIPT = """
import json, time
began, began_cpu = time.perf_counter(), time.process_time()
phases = []


def mark(name):
    phases.append((name, time.perf_counter() - began, time.process_time() - began_cpu))


from headwater import pipeline, step

mark("import headwater's decorators")


@step(enable_cache=False)
def first() -> int:
    return 0


@pipeline(name="phases")
def chain() -> None:
    first()


import headwater.store.models

mark("import the store's models (pydantic)")
import headwater.store.sql.local_store

mark("import the local store (generated SQL)")
import headwater.artifacts.artifact_store
import headwater.responses
import headwater.runner.pipeline_runner

mark("import the runner, responses, artifacts")
from headwater.session import get_session

get_session()
mark("open the session (engine, schema check)")
chain()
mark("first run, 1 step")
chain()
mark("second run, 1 step")
print(json.dumps(phases))
"""


def measure(repeats: int = REPEATS) -> dict[str, tuple[float, float]]:
    """Median (wall ms, CPU ms) of each phase, over fresh processes."""
    samples: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "phases.py").write_text(PHASES_SCRIPT)
        env = child_environment(root / "home")
        command = [sys.executable, "phases.py"]
        subprocess.run(command, env=env, cwd=root, check=True, capture_output=True)  # warm-up
        for _ in range(repeats):
            result = subprocess.run(
                command, env=env, cwd=root, check=True, capture_output=True, text=True
            )
            previous_wall = previous_cpu = 0.0
            for name, wall, cpu in json.loads(result.stdout.strip().splitlines()[-1]):
                samples.setdefault(name, []).append(
                    ((wall - previous_wall) * 1000, (cpu - previous_cpu) * 1000)
                )
                previous_wall, previous_cpu = wall, cpu
    return {
        name: (statistics.median(w for w, _ in pairs), statistics.median(c for _, c in pairs))
        for name, pairs in samples.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=REPEATS)
    repeats = parser.parse_args().repeats
    print(f"median of {repeats} fresh processes; load average {os.getloadavg()[0]:.2f}")
    for name, (wall_ms, cpu_ms) in measure(repeats).items():
        print(f"  {name:<42} {wall_ms:7.1f} ms wall {cpu_ms:7.1f} ms CPU")


if __name__ == "__main__":
    main()
