"""Pipelines the Ray benchmarks run: module-level, so Ray workers import their steps."""

from __future__ import annotations

import time

from headwater import pipeline, step


@step(enable_cache=False)
def first() -> int:
    return 0


@step(enable_cache=False)
def increment(value: int) -> int:
    return value + 1


@step(enable_cache=False)
def nap(value: int, seconds: float = 1.0) -> int:
    time.sleep(seconds)
    return value + 1


@step(enable_cache=False)
def gather(**values: int) -> int:
    time.sleep(1.0)
    return sum(values.values())


@pipeline(enable_cache=False)
def chain(length: int) -> None:
    value = first()
    for _ in range(length - 1):
        value = increment(value)


@pipeline(enable_cache=False)
def fan_out(width: int = 8) -> None:
    """1 -> `width` -> 1; the fan-out steps and the gathering step each sleep 1 s."""
    value = first()
    gather(**{f"v{i}": nap(value) for i in range(width)})
