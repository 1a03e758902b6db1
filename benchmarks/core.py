"""Per-step overhead of the core: linear chains, a fan-out, a cached rerun, and imports.

Each case runs in a fresh HEADWATER_HOME on the default embedded SQLite store, after one
warm-up run, and reports the median of several runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks import whole_process
from headwater import Pipeline, pipeline, step
from headwater.session import close_sessions

REPEATS = 5


@dataclass(frozen=True)
class Measurement:
    """One benchmark case: what was measured and its median figure."""

    case: str
    steps: int
    run_ms: float
    # CPU time of the run in this process: steadier than wall time on a loaded machine.
    cpu_ms: float | None = None

    @property
    def per_step_ms(self) -> float:
        return self.run_ms / self.steps

    @property
    def cpu_per_step_ms(self) -> float | None:
        return None if self.cpu_ms is None else self.cpu_ms / self.steps


@step
def start() -> int:
    return 0


@step
def increment(value: int) -> int:
    return value + 1


@step
def gather(**values: int) -> int:
    return sum(values.values())


def linear_pipeline(length: int) -> Pipeline:
    @pipeline(name=f"linear_{length}")
    def chain() -> None:
        value = start()
        for _ in range(length - 1):
            value = increment(value)

    return chain


def fan_out_pipeline(width: int) -> Pipeline:
    @pipeline(name=f"fan_out_{width}")
    def fan() -> None:
        value = start()
        gather(**{f"v{i}": increment(value) for i in range(width)})

    return fan


def median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    return median_wall_and_cpu_ms(action, repeats)[0]


def median_wall_and_cpu_ms(
    action: Callable[[], object], repeats: int = REPEATS
) -> tuple[float, float]:
    """Median wall and CPU time of `action` in ms (CPU: this process, all threads)."""
    walls, cpus = [], []
    for _ in range(repeats):
        began, began_cpu = time.perf_counter(), time.process_time()
        action()
        walls.append((time.perf_counter() - began) * 1000)
        cpus.append((time.process_time() - began_cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def in_fresh_home(measure: Callable[[], Measurement]) -> Measurement:
    with tempfile.TemporaryDirectory() as home:
        os.environ["HEADWATER_HOME"] = home
        try:
            return measure()
        finally:
            close_sessions()


def measure_uncached(name: str, chain: Pipeline, steps: int) -> Measurement:
    uncached = chain.with_options(enable_cache=False)
    uncached()  # warm-up: opens the store, reads sources
    return Measurement(name, steps, *median_wall_and_cpu_ms(uncached))


def measure_cached(name: str, chain: Pipeline, steps: int) -> Measurement:
    chain()  # fills the cache
    return Measurement(name, steps, *median_wall_and_cpu_ms(chain))


def measure_first_run(steps: int) -> Measurement:
    """The run alone (no imports before it), first in a fresh process, home existing."""
    (figure,) = whole_process.measure_headwater((steps,), repeats=REPEATS)
    return Measurement(
        f"first run in a process, {steps} steps", steps, figure.run_ms, figure.run_cpu_ms
    )


def measure_import(statement: str) -> float:
    code = (
        "import time; began = time.perf_counter(); "
        f"{statement}; print((time.perf_counter() - began) * 1000)"
    )
    timings = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(REPEATS)
    ]
    return statistics.median(timings)


def measure_help() -> float:
    """Median wall time of `headwater --help` in a fresh process, interpreter start included."""
    command = [sys.executable, "-m", "headwater.cli.main", "--help"]
    timings = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def run_all() -> tuple[list[Measurement], dict[str, float]]:
    """Run every case; return step measurements and import times in ms."""
    measurements = [
        in_fresh_home(lambda n=n: measure_uncached(f"linear, {n} steps", linear_pipeline(n), n))
        for n in (1, 10, 50, 200)
    ]
    measurements.append(
        in_fresh_home(lambda: measure_uncached("fan-out 1→100→1", fan_out_pipeline(100), 102))
    )
    measurements.append(
        in_fresh_home(
            lambda: measure_cached("fully cached rerun, 200 steps", linear_pipeline(200), 200)
        )
    )
    measurements.append(measure_first_run(200))
    imports = {
        "import headwater": measure_import("import headwater"),
        "from headwater import step, pipeline": measure_import(
            "from headwater import step, pipeline"
        ),
        "from headwater import step, pipeline, Client": measure_import(
            "from headwater import step, pipeline, Client"
        ),
        "`headwater --help`, whole process": measure_help(),
    }
    return measurements, imports


def main() -> None:
    """Print every case's figures: `python -m benchmarks.core`."""
    measurements, imports = run_all()
    print(f"{'case':<34} {'steps':>5} {'run ms':>9} {'ms/step':>8} {'CPU ms/step':>11}")
    for m in measurements:
        cpu = "" if m.cpu_per_step_ms is None else f"{m.cpu_per_step_ms:.3f}"
        print(f"{m.case:<34} {m.steps:>5} {m.run_ms:>9.1f} {m.per_step_ms:>8.3f} {cpu:>11}")
    for statement, ms in imports.items():
        print(f"{statement:<48} {ms:>7.1f} ms")


if __name__ == "__main__":
    main()
