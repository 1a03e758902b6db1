"""A diamond: one source feeds two branches that join again."""

from __future__ import annotations

from typing import Annotated

from headwater import pipeline, step


@step
def source() -> Annotated[int, "seed"]:
    return 10


@step
def left(seed: int) -> int:
    return seed + 1


@step
def right(seed: int) -> int:
    return seed * 2


@step
def join(a: int, b: int) -> Annotated[int, "joined"]:
    return a + b


@pipeline
def diamond() -> None:
    seed = source()
    join(left(seed), right(seed))
