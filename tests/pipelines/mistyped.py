"""Pipelines whose steps return values of other types than they declare."""

from __future__ import annotations

from typing import Annotated

from headwater import pipeline, step


@step(enable_cache=False)
def count() -> int:
    return "three"  # type: ignore[return-value]


@step(enable_cache=False)
def uses(value: int) -> int:
    return value + 1


@step(enable_cache=False)
def split() -> tuple[Annotated[list[int], "train"], Annotated[float, "rate"]]:
    return [1, 2], "fast"  # type: ignore[return-value]


@step(enable_cache=False)
def widened() -> tuple[Annotated[float, "rate"], Annotated[int | None, "limit"]]:
    return 1, None


@pipeline
def mistyped() -> None:
    uses(count())


@pipeline
def mistyped_tuple() -> None:
    split()


@pipeline
def well_typed() -> None:
    widened()
