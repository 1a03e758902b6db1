"""`make bench-peers`: Headwater beside Kedro, whole process and per step, alternating.

Both run the same trivial chain of N steps (`first`, then `add_one` N-1 times) from a
`python p.py`: Headwater tracks every run, step, artifact and log in its SQLite home;
Kedro's SequentialRunner keeps the values in memory and records nothing. Kedro lives in
its own environment under benchmarks/.peers/ (made by `make bench-peers`), so neither
framework's dependencies affect the other's imports. The two processes alternate, so a
change in the machine's load falls on both alike.

The ratio is Headwater's figure over Kedro's: below 1.0, Headwater is faster.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.whole_process import (
    REPEATS,
    ProcessFigure,
    Sample,
    headwater_script,
    interpreter_ms,
    run_once,
    summarize,
)

SIZES = (1, 10, 50, 200)
KEDRO_PYTHON = Path(__file__).resolve().parent / ".peers" / "kedro-venv" / "bin" / "python"

KEDRO_SCRIPT = """
import json, sys, time
began = time.perf_counter()
from kedro.io import DataCatalog
from kedro.pipeline import node, pipeline
from kedro.runner import SequentialRunner

STEPS = int(sys.argv[1])


def first() -> int:
    return 0


def add_one(value: int) -> int:
    return value + 1


nodes = [node(first, None, "value_0", name="first")] + [
    node(add_one, f"value_{i - 1}", f"value_{i}", name=f"add_one_{i}") for i in range(1, STEPS)
]
imported = time.perf_counter()
SequentialRunner().run(pipeline(nodes), DataCatalog())
ended = time.perf_counter()
print(json.dumps({"import_ms": (imported - began) * 1000, "run_ms": (ended - imported) * 1000}))
"""


@dataclass(frozen=True)
class PeerRow:
    """One size: both frameworks' figures."""

    headwater: ProcessFigure
    kedro: ProcessFigure


def measure(repeats: int = REPEATS) -> tuple[list[PeerRow], float, float]:
    """Alternate Headwater and Kedro processes at every size.

    Returns:
        A row per size, and each interpreter's own start-and-exit time in ms.
    """
    if not KEDRO_PYTHON.exists():
        raise SystemExit(
            f"Kedro's environment is missing at {KEDRO_PYTHON.parent.parent}. "
            f"Run `make bench-peers`, which makes it."
        )
    with headwater_script() as (root, env), tempfile.TemporaryDirectory() as folder:
        kedro_root = Path(folder)
        (kedro_root / "p.py").write_text(KEDRO_SCRIPT)
        kedro_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
        run_once([str(KEDRO_PYTHON), "p.py", "2"], kedro_env, kedro_root)  # bytecode
        rows = []
        for steps in SIZES:
            ours: list[Sample] = []
            theirs: list[Sample] = []
            for _ in range(repeats):
                ours.append(run_once([sys.executable, "p.py", str(steps)], env, root))
                theirs.append(
                    run_once([str(KEDRO_PYTHON), "p.py", str(steps)], kedro_env, kedro_root)
                )
            rows.append(PeerRow(summarize(steps, ours), summarize(steps, theirs)))
        return (
            rows,
            interpreter_ms(sys.executable, env, root),
            interpreter_ms(str(KEDRO_PYTHON), kedro_env, kedro_root),
        )


def main() -> None:
    load = os.getloadavg()[0]
    rows, ours_start, theirs_start = measure()
    print(
        f"Headwater (tracks everything) beside Kedro (records nothing): median of {REPEATS} "
        f"alternating processes each; load average {load:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after."
    )
    print(
        f"Interpreter start and exit: Headwater's {ours_start:.0f} ms, "
        f"Kedro's {theirs_start:.0f} ms."
    )
    header = (
        f"{'steps':>5} | {'whole ms (less interpreter)':^34} | {'CPU ms':^23} | "
        f"{'in-run ms per step':^25}"
    )
    print(header)
    print(
        f"{'':>5} | {'Headwater':>10} {'Kedro':>10} {'ratio':>11} | "
        f"{'Headwater':>9} {'Kedro':>6} {'ratio':>6} | {'Headwater':>9} {'Kedro':>7} {'ratio':>7}"
    )
    for row in rows:
        ours, theirs = row.headwater, row.kedro
        whole = (ours.minus(ours_start), theirs.minus(theirs_start))
        per_step = (ours.run_ms_per_step, theirs.run_ms_per_step)
        print(
            f"{ours.steps:>5} | {whole[0]:>10.0f} {whole[1]:>10.0f} {whole[0] / whole[1]:>11.2f} | "
            f"{ours.cpu_ms:>9.0f} {theirs.cpu_ms:>6.0f} {ours.cpu_ms / theirs.cpu_ms:>6.2f} | "
            f"{per_step[0]:>9.3f} {per_step[1]:>7.3f} {per_step[0] / per_step[1]:>7.2f}"
        )
    print(
        "In-run per step: the pipeline call alone divided by its steps, the first run in "
        "its process (Headwater's includes opening its store, Kedro's building its catalog)."
    )


if __name__ == "__main__":
    main()
