"""What choosing the stack costs each run: resolving the active stack into an
orchestrator and artifact store, and a one-step run on the default and a registered stack.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from dataclasses import dataclass

from benchmarks.core import REPEATS, linear_pipeline, median_ms
from headwater import Client
from headwater.session import close_sessions, get_session

RESOLUTIONS = 200


@dataclass(frozen=True)
class StackFigure:
    """One case and its median time in milliseconds."""

    case: str
    ms: float


def _resolution_ms() -> float:
    session = get_session()
    session.stack_runtime()
    timings = []
    for _ in range(RESOLUTIONS):
        began = time.perf_counter()
        session.stack_runtime()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def _activate_registered_stack(folder: str) -> None:
    client = Client()
    client.create_stack_component(
        "bench-disk", "fsspec", "artifact_store", {"path": f"{folder}/bench-artifacts"}
    )
    client.create_stack(
        "bench", components={"orchestrator": "default", "artifact_store": "bench-disk"}
    )
    client.activate_stack("bench")


def _measure(on_registered_stack: bool) -> list[StackFigure]:
    label = "registered stack" if on_registered_stack else "default stack"
    with tempfile.TemporaryDirectory() as home:
        os.environ["HEADWATER_HOME"] = home
        try:
            if on_registered_stack:
                _activate_registered_stack(home)
            resolve = _resolution_ms()
            chain = linear_pipeline(1).with_options(enable_cache=False)
            chain()  # warm-up
            run = median_ms(chain, REPEATS)
        finally:
            close_sessions()
    return [
        StackFigure(f"resolve the active stack ({label})", resolve),
        StackFigure(f"1-step run ({label})", run),
    ]


def run_all() -> list[StackFigure]:
    """Every case, each in a fresh HEADWATER_HOME."""
    return [figure for registered in (False, True) for figure in _measure(registered)]


if __name__ == "__main__":
    for figure in run_all():
        print(f"{figure.case:45} {figure.ms:8.2f} ms")
