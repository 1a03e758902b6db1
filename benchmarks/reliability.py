"""The crash and concurrency guarantees, re-measured after making the recorder faster.

- 16 processes run a 20-step pipeline at once in one home: every run and step must be
  recorded completed, with no "database is locked"; the wall time is reported.
- A process killed with SIGKILL in the middle of a step: the store must still say which
  step was running, the next run must stop it, and no artifact version may point at
  missing bytes.

Run it with `python -m benchmarks.reliability` (about a minute on a quiet machine).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROCESSES = 16
STEPS = 20
REPO_ROOT = Path(__file__).resolve().parents[1]

_CHAIN = f"""
from headwater import pipeline, step


@step(enable_cache=False)
def first() -> int:
    return 0


@step(enable_cache=False)
def add_one(value: int) -> int:
    return value + 1


@pipeline(name="concurrent")
def chain() -> None:
    value = first()
    for _ in range({STEPS} - 1):
        value = add_one(value)


chain()
"""

_CHECK_CONCURRENT = """
import json
from headwater import Client
runs = Client().list_pipeline_runs(pipeline_name="concurrent", size=1000).items
print(json.dumps({
    "runs": len(runs),
    "completed_runs": sum(r.status == "completed" for r in runs),
    "completed_steps": sum(
        s.status == "completed" for r in runs for s in r.steps.values()
    ),
}))
"""

_CHECK_KILLED = """
import json, sys
from headwater import Client
from headwater.session import get_session
from tests.pipelines.linear import linear
before = Client().get_pipeline("slow").last_run
running_before = [n for n, s in before.steps.items() if s.status == "running"]
linear()  # the next run stops runs whose process died
after = Client().get_pipeline("slow").last_run
store = get_session().artifact_store
missing = [
    v.uri for v in Client().list_artifact_versions(size=1000).items if not store.exists(v.uri)
]
print(json.dumps({
    "running_before": running_before,
    "run_after": after.status,
    "step_after": after.steps["sleepy"].status,
    "missing_bytes": missing,
}))
"""


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(HEADWATER_HOME=str(home), PYTHONPATH=str(REPO_ROOT))
    env.pop("HEADWATER_STORE_URL", None)
    return env


def _last_line(command: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(
        command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1]


def measure_concurrent_processes(home: Path) -> str:
    """Run PROCESSES pipelines at once; say what the store recorded and how long it took."""
    env = _environment(home)
    script = home.parent / "chain.py"
    script.write_text(_CHAIN)
    subprocess.run([sys.executable, str(script)], env=env, cwd=REPO_ROOT, check=True)  # home
    began = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, str(script)], env=env, cwd=REPO_ROOT, stderr=subprocess.PIPE, text=True
        )
        for _ in range(PROCESSES)
    ]
    errors = [process.communicate()[1] for process in processes]
    seconds = time.perf_counter() - began
    failed = sum(process.returncode != 0 for process in processes)
    locked = sum("database is locked" in error for error in errors)
    found = _last_line([sys.executable, "-c", _CHECK_CONCURRENT], env)
    return (
        f"{PROCESSES} processes x {STEPS} steps at once: {seconds:.1f} s wall, "
        f"{failed} failed, {locked} saw 'database is locked'; recorded (plus the warm-up "
        f"run): {found}"
    )


def measure_killed_step(home: Path) -> str:
    """Kill a run in the middle of a step; say what the store shows before and after."""
    env = {**_environment(home), "HEADWATER_HEARTBEAT_SECONDS": "0.2"}
    marker = home.parent / "started"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.pipelines.slow", str(marker)], env=env, cwd=REPO_ROOT
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        if time.monotonic() > deadline:
            process.kill()
            raise SystemExit("The slow step did not start within 120 s.")
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    time.sleep(6 * 0.2 + 0.5)  # six missed heartbeats: the run is stale
    found = _last_line([sys.executable, "-c", _CHECK_KILLED], env)
    return f"SIGKILL mid-step: {found}"


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        print(measure_concurrent_processes(Path(folder) / "home"))
    with tempfile.TemporaryDirectory() as folder:
        print(measure_killed_step(Path(folder) / "home"))


if __name__ == "__main__":
    main()
