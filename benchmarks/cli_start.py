"""How fast the `headwater` command answers: `--help`, `--version`, groups' and a command's help.

Every figure is a fresh process (the interpreter's start included), after one warm-up
process per command compiled the bytecode, run through the installed `headwater`
script when there is one (else `python -m headwater.cli.main`). Commands alternate
round by round so a burst of load on a shared machine spreads over all of them.
Medians; `python -c pass` is given beside them as the floor no command can beat.

    python -m benchmarks.cli_start [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.whole_process import child_environment, run_once

REPEATS = 15

# The aim of issue 19: each of these answers in 100 ms, interpreter included.
AIM_MS = 100.0

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("--help",),
    ("--version",),
    *((group, "--help") for group in ("runs", "pipelines", "stack", "models", "server")),
    *((group, "--help") for group in ("artifacts", "metadata", "service-accounts", "access")),
    ("runs", "list", "--help"),
)


def headwater_command() -> list[str]:
    """The `headwater` script beside this interpreter, or the module when not installed."""
    script = Path(sys.executable).parent / "headwater"
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "headwater.cli.main"]


def measure(repeats: int = REPEATS) -> tuple[float, dict[str, float]]:
    """Median ms of `python -c pass` and of each command, in fresh processes."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        env = child_environment(root / "home")
        base = headwater_command()
        for arguments in COMMANDS:
            run_once([*base, *arguments], env, root)  # compiles the bytecode
        floor, samples = [], {" ".join(arguments): [] for arguments in COMMANDS}
        for _ in range(repeats):
            floor.append(run_once([sys.executable, "-c", "pass"], env, root).wall_ms)
            for arguments in COMMANDS:
                wall_ms = run_once([*base, *arguments], env, root).wall_ms
                samples[" ".join(arguments)].append(wall_ms)
    return statistics.median(floor), {name: statistics.median(s) for name, s in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=REPEATS)
    repeats = parser.parse_args().repeats
    load = os.getloadavg()
    floor, figures = measure(repeats)
    print(
        f"median of {repeats} fresh processes; load average {load[0]:.2f} {load[1]:.2f} "
        f"{load[2]:.2f}; aim {AIM_MS:.0f} ms"
    )
    print(f"  {'python -c pass':<32} {floor:6.1f} ms")
    for name, ms in figures.items():
        verdict = "ok" if ms <= AIM_MS else "over"
        print(
            f"  {'headwater ' + name:<32} {ms:6.1f} ms  {ms - floor:6.1f} ms over python  {verdict}"
        )


if __name__ == "__main__":
    main()
