"""SQL statements the recorder runs per step, counted on the SQLite connection itself.

The runner's hot path runs prepared statements straight on the driver's cursor, past
SQLAlchemy's execution events, so statements are counted where SQLite sees them: an
SQLAlchemy `connect` listener sets a trace callback on every new driver connection,
which SQLite calls for each statement it runs (BEGIN and COMMIT included; each row of
an `executemany` counts once). Per step is the difference between a 51-step and a
1-step run of the same pipeline, divided by 50, so a run's own fixed cost drops out.

    python -m benchmarks.recorder_statements
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event

from headwater import Pipeline, pipeline, step
from headwater.session import close_sessions

SHORT, LONG = 1, 51


class StatementCounter:
    """Counts the statements SQLite runs, by their first word (INSERT, COMMIT, ...)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.is_counting = False

    def record(self, sql: str) -> None:
        if self.is_counting:
            self.counts[sql.split(None, 1)[0].upper() if sql.strip() else "?"] += 1

    def on_connect(self, dbapi_connection: Any, _record: Any) -> None:
        if hasattr(dbapi_connection, "set_trace_callback"):  # sqlite3 only
            dbapi_connection.set_trace_callback(self.record)

    @contextmanager
    def counting(self) -> Iterator[Counter[str]]:
        """Count what runs inside the block; yields the counts, filled when it ends."""
        self.counts = Counter()
        self.is_counting = True
        try:
            yield self.counts
        finally:
            self.is_counting = False


@dataclass(frozen=True)
class StatementFigure:
    """Statements per step of one case, by kind."""

    case: str
    per_step: dict[str, float]

    @property
    def total(self) -> float:
        return sum(self.per_step.values())

    @property
    def transactions(self) -> float:
        return self.per_step.get("BEGIN", 0.0)


@step
def start() -> int:
    return 0


@step
def increment(value: int) -> int:
    return value + 1


def chain_of(length: int, *, is_cached: bool) -> Pipeline:
    @pipeline(name=f"statements_{length}", enable_cache=is_cached)
    def chain() -> None:
        value = start()
        for _ in range(length - 1):
            value = increment(value)

    return chain


def counted_run(counter: StatementCounter, length: int, *, is_cached: bool) -> Counter[str]:
    """Statements of one run, after a warm-up run that opened the store (and filled the
    cache when `is_cached`), each in a fresh home."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["HEADWATER_HOME"] = home
        try:
            chain = chain_of(length, is_cached=is_cached)
            chain()
            with counter.counting() as counts:
                chain()
            return counts
        finally:
            close_sessions()


def per_step(counter: StatementCounter, case: str, *, is_cached: bool) -> StatementFigure:
    """Statements per step: a long run's less a short run's, over the steps between."""
    short = counted_run(counter, SHORT, is_cached=is_cached)
    long = counted_run(counter, LONG, is_cached=is_cached)
    kinds = sorted(set(short) | set(long))
    return StatementFigure(
        case, {kind: (long[kind] - short[kind]) / (LONG - SHORT) for kind in kinds}
    )


def measure() -> list[StatementFigure]:
    """Statements per step for an uncached run and a fully cached rerun."""
    counter = StatementCounter()
    event.listen(Engine, "connect", counter.on_connect)
    try:
        return [
            per_step(counter, "uncached step", is_cached=False),
            per_step(counter, "cached step (rerun)", is_cached=True),
        ]
    finally:
        event.remove(Engine, "connect", counter.on_connect)


def main() -> None:
    for figure in measure():
        kinds = ", ".join(f"{kind} {count:g}" for kind, count in figure.per_step.items() if count)
        print(
            f"{figure.case:<22} {figure.total:5.1f} statements per step, "
            f"{figure.transactions:g} transactions: {kinds}"
        )


if __name__ == "__main__":
    main()
