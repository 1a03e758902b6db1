"""One step fans out to `width` copies of a step, whose results one step gathers."""

from __future__ import annotations

from headwater import pipeline, step


@step
def start() -> int:
    return 1


@step
def work(value: int, index: int = 0) -> int:
    return value + index


@step
def gather(**values: int) -> int:
    return sum(values.values())


@pipeline
def fan_out_fan_in(width: int = 5) -> None:
    value = start()
    results = {f"v{i}": work(value, index=i) for i in range(width)}
    gather(**results)
