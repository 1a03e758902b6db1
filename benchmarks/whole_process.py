"""Whole-process cost of `python p.py`: a trivial N-step pipeline, start to exit.

What a user waits for when they run a script: the interpreter, the imports, opening the
home's store, the run itself and the exit. Each script runs in a fresh interpreter, in
a home that exists already (a warm-up process made it and compiled the bytecode), with
stdout piped rather than on a terminal. Figures are medians; the child's CPU time is
given beside its wall time because on a shared machine the wall time swings with load.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPEATS = 7

# Steps are trivial and uncached, so every run executes and records all of them.
HEADWATER_SCRIPT = """
import json, sys, time
began = time.perf_counter()
from headwater import pipeline, step

STEPS = int(sys.argv[1])


@step(enable_cache=False)
def first() -> int:
    return 0


@step(enable_cache=False)
def add_one(value: int) -> int:
    return value + 1


@pipeline(name=f"trivial_{STEPS}")
def chain() -> None:
    value = first()
    for _ in range(STEPS - 1):
        value = add_one(value)


imported, imported_cpu = time.perf_counter(), time.process_time()
chain()
ended, ended_cpu = time.perf_counter(), time.process_time()
print(json.dumps({
    "import_ms": (imported - began) * 1000,
    "run_ms": (ended - imported) * 1000,
    "run_cpu_ms": (ended_cpu - imported_cpu) * 1000,
}))
"""


@dataclass(frozen=True)
class ProcessFigure:
    """Medians over repeated processes of one script at one size."""

    steps: int
    wall_ms: float
    cpu_ms: float
    # The pipeline call alone, as the script timed it (its first run in the process).
    run_ms: float
    # Its CPU time (all threads): steadier than `run_ms` on a loaded machine.
    run_cpu_ms: float = 0.0

    def minus(self, interpreter_ms: float) -> float:
        """The wall time without the interpreter's own start and exit."""
        return self.wall_ms - interpreter_ms

    @property
    def run_ms_per_step(self) -> float:
        return self.run_ms / self.steps


@dataclass(frozen=True)
class Sample:
    """One process: its wall and CPU time, and what it printed about itself."""

    wall_ms: float
    cpu_ms: float
    run_ms: float
    run_cpu_ms: float = 0.0


def child_environment(home: Path) -> dict[str, str]:
    """The environment of a measured process: bytecode caching on, as a user has it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["HEADWATER_HOME"] = str(home)
    env.pop("HEADWATER_STORE_URL", None)
    env.pop("HEADWATER_ARTIFACT_STORE_URL", None)
    return env


def run_once(command: Sequence[str], env: dict[str, str], cwd: Path) -> Sample:
    """Run one process to its end and time it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    wall_ms = (time.perf_counter() - began) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-4000:]}")
    cpu_ms = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    # A script that times its own run prints it last, as JSON (`headwater --help` does not).
    lines = result.stdout.strip().splitlines()
    is_report = bool(lines) and lines[-1].startswith("{")
    report = json.loads(lines[-1]) if is_report else {}
    return Sample(
        wall_ms, cpu_ms, float(report.get("run_ms", 0.0)), float(report.get("run_cpu_ms", 0.0))
    )


def summarize(steps: int, samples: Sequence[Sample]) -> ProcessFigure:
    """The medians of several processes."""
    return ProcessFigure(
        steps,
        statistics.median(s.wall_ms for s in samples),
        statistics.median(s.cpu_ms for s in samples),
        statistics.median(s.run_ms for s in samples),
        statistics.median(s.run_cpu_ms for s in samples),
    )


def interpreter_ms(python: str, env: dict[str, str], cwd: Path) -> float:
    """Median wall time of `python -c pass`: what no framework can save."""
    samples = [run_once([python, "-c", "pass"], env, cwd) for _ in range(REPEATS)]
    return statistics.median(s.wall_ms for s in samples)


@contextmanager
def headwater_script() -> Iterator[tuple[Path, dict[str, str]]]:
    """A folder holding the Headwater script, and an environment whose home exists."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "p.py").write_text(HEADWATER_SCRIPT)
        env = child_environment(root / "home")
        # Makes and migrates the home and compiles the bytecode: neither is measured.
        run_once([sys.executable, "p.py", "2"], env, root)
        yield root, env


def measure_headwater(sizes: Sequence[int], repeats: int = REPEATS) -> list[ProcessFigure]:
    """Whole-process figures of the Headwater script at each size."""
    figures = []
    with headwater_script() as (root, env):
        for steps in sizes:
            command = [sys.executable, "p.py", str(steps)]
            figures.append(summarize(steps, [run_once(command, env, root) for _ in range(repeats)]))
    return figures


def measure_help(repeats: int = REPEATS) -> float:
    """Median wall time of `headwater --help` in a fresh process, interpreter included."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        env = child_environment(root / "home")
        command = [sys.executable, "-m", "headwater.cli.main", "--help"]
        run_once(command, env, Path.cwd())  # compiles the bytecode
        return statistics.median(run_once(command, env, Path.cwd()).wall_ms for _ in range(repeats))


def main() -> None:
    """Print the whole-process figures of Headwater alone (`python -m benchmarks.whole_process`)."""
    with tempfile.TemporaryDirectory() as folder:
        start = interpreter_ms(sys.executable, child_environment(Path(folder)), Path(folder))
    print(f"interpreter start and exit: {start:.0f} ms; load average {os.getloadavg()[0]:.2f}")
    for figure in measure_headwater((1, 50)):
        print(
            f"{figure.steps:>4} steps: {figure.wall_ms:7.0f} ms whole, "
            f"{figure.minus(start):7.0f} ms without the interpreter, "
            f"{figure.cpu_ms:7.0f} ms CPU, run {figure.run_ms_per_step:.3f} ms per step"
        )
    print(f"headwater --help: {measure_help():.0f} ms whole")


if __name__ == "__main__":
    main()
