"""A pipeline whose middle step raises, so the last one must never start."""

from __future__ import annotations

from headwater import pipeline, step


class MidwayError(RuntimeError):
    """The error the failing step raises."""


@step
def prepare() -> int:
    return 1


@step(enable_cache=False)
def explode(value: int) -> int:
    print("about to fail")
    raise MidwayError(f"cannot process {value}")


@step
def never_runs(value: int) -> int:
    return value


@pipeline
def fails_midway() -> None:
    never_runs(explode(prepare()))
