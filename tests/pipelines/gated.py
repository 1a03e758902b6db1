"""A pipeline whose second step waits for a file, so a test can watch it run and finish."""

from __future__ import annotations

import time
from pathlib import Path

from headwater import pipeline, step


@step
def first() -> int:
    return 1


@step(enable_cache=False)
def waits(value: int, gate: str = "") -> int:
    while not Path(gate).exists():
        time.sleep(0.05)
    return value + 1


@pipeline
def gated(gate: str = "") -> None:
    waits(first(), gate=gate)
