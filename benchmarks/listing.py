"""Listing deep pages: page 1 against page 500 of 100,000 runs on the embedded SQLite store.

The runs are seeded in bulk (one real run made by the store, then copies of its row), so
seeding takes seconds; the listing goes through `Store.list_runs` like the Client does.
Run it alone with

    .venv/bin/python -m benchmarks.listing
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, select

from headwater.store.base import Store
from headwater.store.factory import open_store
from headwater.store.filters import ListQuery
from headwater.store.models import RunCreate
from headwater.store.sql.ids import new_id
from headwater.store.sql.schema import runs

RUNS = 100_000
REPEATS = 7
BATCH = 10_000


@dataclass(frozen=True)
class ListingFigure:
    """The median time to list one page."""

    case: str
    page: int
    size: int
    ms: float


def seed_runs(url: str, count: int) -> None:
    """Copy one real run `count - 1` times, a second apart, alternating two pipelines."""
    store = open_store(url)
    try:
        for name in ("training", "scoring"):
            store.create_run(RunCreate(pipeline_name=name, spec_hash="h", spec={}))
    finally:
        store.close()
    engine = create_engine(url)
    began = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with engine.begin() as connection:
        rows = [dict(r._mapping) for r in connection.execute(select(runs)).all()]
        for start in range(0, count - len(rows), BATCH):
            batch = []
            for index in range(start, min(start + BATCH, count - len(rows))):
                row = dict(rows[index % 2])
                created = began + dt.timedelta(seconds=index)
                row.update(id=new_id(), name=f"run-{index:06d}", created=created)
                batch.append(row)
            connection.execute(runs.insert(), batch)
    engine.dispose()


def time_page(store: Store, query: ListQuery) -> float:
    """Median milliseconds of listing one page."""
    timings = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        page = store.list_runs(query)
        timings.append((time.perf_counter() - began) * 1000)
        assert len(page.items) == query.size
    return statistics.median(timings)


def run_all() -> list[ListingFigure]:
    """Seed 100,000 runs into a fresh SQLite file and time page 1 and page 500."""
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'listing.db'}"
        seed_runs(url, RUNS)
        store = open_store(url)
        try:
            store.list_runs(ListQuery())  # warm-up: compiles statements, reads pages in
            cases = (
                ("newest first", {}, "desc:created"),
                ("by name", {}, "asc:name"),
                ("one pipeline", {"pipeline_name": "training"}, "desc:created"),
            )
            for case, filters, sort_by in cases:
                for size in (100, 20):
                    for page in (1, 500):
                        query = ListQuery(filters=filters, sort_by=sort_by, index=page, size=size)
                        figures.append(ListingFigure(case, page, size, time_page(store, query)))
        finally:
            store.close()
    return figures


if __name__ == "__main__":
    for figure in run_all():
        print(f"{figure.case:14} size {figure.size:4} page {figure.page:4}: {figure.ms:6.1f} ms")
