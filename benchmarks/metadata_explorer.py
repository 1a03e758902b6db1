"""The metadata explorer's queries at scale: the key catalog, a key's series, filtering.

Seeds 100,000 runs (as `benchmarks.listing` does) and, in bulk, their metadata: every run
logs `accuracy`, the newest 10,000 also `f1`, and 10,000 distinct keys are spread over
the first 50,000 runs (5 runs each). Then times, through the store as the server calls it:

- the key catalog of runs (10,000+ distinct keys);
- the series of `f1` over its 10,000 runs, aggregated to at most 2,000 points;
- listing 100,000 runs filtered by `accuracy >= 0.99` (about 1,000 match), both as the
  filter language's `where` and as the older `metadata=accuracy:gte:0.99`.

Run it alone with (add a PostgreSQL URL to measure there too)

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.metadata_explorer [postgresql+psycopg://...]
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text

from benchmarks.listing import seed_runs
from headwater.store.factory import open_store
from headwater.store.filters import ListQuery
from headwater.store.metadata_catalog import MetadataKeyQuery, MetadataSeriesQuery
from headwater.store.models import MetadataTarget
from headwater.store.sql.metadata_key_counts import rebuild_summary
from headwater.store.sql.schema import metadata_entries, runs, store_schema

RUNS = 100_000
DISTINCT_KEYS = 10_000
RUNS_PER_KEY = 5
SERIES_RUNS = 10_000
REPEATS = 7
_RUN_KEYS = MetadataKeyQuery(resource=MetadataTarget.RUN)
BATCH = 20_000


@dataclass(frozen=True)
class ExplorerFigure:
    """The median time of one query, and what it answered."""

    database: str
    case: str
    answered: str
    ms: float


def _row(run_id: Any, key: str, value: float, created: dt.datetime) -> dict[str, Any]:
    return {
        "target_kind": "run",
        "target_id": run_id,
        "key": key,
        "type": "float",
        "value": value,
        "value_number": value,
        "value_text": None,
        "created": created,
    }


def seed_metadata(url: str) -> None:
    """Accuracy on every run, f1 on the newest 10,000, 10,000 keys on 5 runs each."""
    engine = create_engine(url)
    with engine.begin() as connection:
        found = connection.execute(select(runs.c.id, runs.c.created).order_by(runs.c.created))
        ordered = [tuple(row) for row in found]
        rows: list[dict[str, Any]] = []
        for index, (run_id, created) in enumerate(ordered):
            rows.append(_row(run_id, "accuracy", (index * 7919 % 10_000) / 10_000, created))
            if index >= len(ordered) - SERIES_RUNS:
                rows.append(_row(run_id, "f1", 0.5 + (index % 500) / 1000, created))
            if index < DISTINCT_KEYS * RUNS_PER_KEY:
                rows.append(_row(run_id, f"feature_{index // RUNS_PER_KEY:05d}", 1.0, created))
            if len(rows) >= BATCH:
                connection.execute(metadata_entries.insert(), rows)
                rows = []
        if rows:
            connection.execute(metadata_entries.insert(), rows)
        # Inserted past the store's write path, so the catalog's summary is counted anew.
        rebuild_summary(connection)
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE"))
    engine.dispose()


def _median_ms(call: Callable[[], str]) -> tuple[float, str]:
    call()  # warm-up: compiles statements, reads pages in
    timings, answered = [], ""
    for _ in range(REPEATS):
        began = time.perf_counter()
        answered = call()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings), answered


def measure(database: str, url: str) -> list[ExplorerFigure]:
    """Seed `url` (an empty, migrated database) and time each query."""
    seed_runs(url, RUNS)
    seed_metadata(url)
    store = open_store(url)
    cases: list[tuple[str, Callable[[], str]]] = [
        (
            "key catalog of runs",
            lambda: f"{len(store.list_metadata_keys(_RUN_KEYS)):,} keys",
        ),
        (
            "series of f1, max 2,000 points",
            lambda: _series(store.get_metadata_series(MetadataSeriesQuery(key="f1"))),
        ),
        (
            "runs where accuracy >= 0.99",
            lambda: _page(store.list_runs(ListQuery(where="accuracy >= 0.99"))),
        ),
        (
            "runs metadata=accuracy:gte:0.99",
            lambda: _page(store.list_runs(ListQuery(metadata={"accuracy": "gte:0.99"}))),
        ),
    ]
    try:
        figures = []
        for case, call in cases:
            ms, answered = _median_ms(call)
            figures.append(ExplorerFigure(database, case, answered, ms))
        return figures
    finally:
        store.close()


def _series(series: Any) -> str:
    return f"{series.total:,} runs as {len(series.points):,} points"


def _page(page: Any) -> str:
    return f"{page.total:,} of {RUNS:,} runs"


def run_all(postgres_url: str | None = None) -> list[ExplorerFigure]:
    """SQLite in a fresh file, and PostgreSQL at `postgres_url` when given (emptied)."""
    with tempfile.TemporaryDirectory() as folder:
        figures = measure("sqlite", f"sqlite:///{Path(folder) / 'explorer.db'}")
    if postgres_url is not None:
        open_store(postgres_url).close()
        _empty(postgres_url)
        figures += measure("postgresql", postgres_url)
    return figures


def _empty(url: str) -> None:
    names = ", ".join(f'"{table.name}"' for table in store_schema.sorted_tables)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


if __name__ == "__main__":
    for f in run_all(sys.argv[1] if len(sys.argv) > 1 else None):
        print(f"{f.database:10} {f.case:34} {f.ms:8.1f} ms  ({f.answered})")
