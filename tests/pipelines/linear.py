"""A three-step chain: load -> double -> total, the smallest pipeline with edges."""

from __future__ import annotations

from headwater import log_metadata, pipeline, step


@step
def load(n: int = 3) -> list[int]:
    print(f"loading {n} numbers")
    return list(range(n))


@step
def double(numbers: list[int]) -> list[int]:
    return [2 * x for x in numbers]


@step
def total(numbers: list[int]) -> int:
    result = sum(numbers)
    log_metadata({"total": result})
    return result


@pipeline
def linear(n: int = 3) -> None:
    total(double(load(n=n)))
