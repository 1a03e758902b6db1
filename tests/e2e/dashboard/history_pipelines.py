"""Pipelines for the run history, lineage, pipeline version and array stories."""

from __future__ import annotations

from typing import Annotated

import numpy as np

from headwater import pipeline, step


@step
def measure(runs: int = 1) -> int:
    return runs


@pipeline(name="scored_training")
def scored_training(runs: int = 1) -> None:
    """A run whose run metadata (accuracy) the metadata filter reads."""
    measure(runs=runs)


@pipeline(name="disposable")
def disposable() -> None:
    """Runs the bulk delete story deletes."""
    measure()


@step
def signals() -> tuple[
    Annotated[np.ndarray, "wave"],
    Annotated[np.ndarray, "grid"],
    Annotated[np.ndarray, "big_grid"],
]:
    """A 1-D wave, a small 2-D grid and a 2-D grid too big to send whole."""
    wave = np.sin(np.linspace(0, 6 * np.pi, 400))
    grid = np.outer(np.arange(12), np.arange(8)).astype(float)
    rows, columns = np.mgrid[0:600, 0:450]
    return wave, grid, np.sin(rows / 40.0) * np.cos(columns / 30.0)


@pipeline(name="arrays")
def arrays() -> None:
    """Numpy artifacts the dashboard draws as charts."""
    signals()


# --- one pipeline whose structure changes across three versions ------------------------


@step(name="prepare")
def prepare(rows: int = 10) -> list[int]:
    return list(range(rows))


@step(name="clean")
def clean(values: list[int]) -> list[int]:
    return [v for v in values if v % 2 == 0]


@step(name="fit")
def fit(values: list[int], rate: float = 0.1) -> float:
    return sum(values) * rate


@step(name="fit")
def fit_faster(values: list[int], rate: float = 0.1) -> float:
    # A different body: the source of 'fit' changes in the third version.
    return float(len(values)) * rate


@step(name="report")
def report(values: list[int]) -> int:
    return len(values)


@pipeline(name="evolving")
def evolving_v1() -> None:
    """prepare -> fit, plus a report of what was prepared."""
    values = prepare()
    fit(values)
    report(values)


@pipeline(name="evolving")
def evolving_v2() -> None:
    """A clean step between prepare and fit; no report any more."""
    fit(clean(prepare()))


@pipeline(name="evolving")
def evolving_v3() -> None:
    """The same shape with a new fit and another rate."""
    fit_faster(clean(prepare()), rate=0.5)
