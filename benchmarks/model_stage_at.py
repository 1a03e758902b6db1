"""Stage at a time over a long history: `get_stage_holder` with 10,000 transitions.

Seeds one model with `VERSIONS` versions and `TRANSITIONS` stage transitions a minute
apart (promotions into staging and production, the demotions they force, and skipped
rule decisions), on SQLite and on PostgreSQL when it is reachable, then times asking
which version held `production` at moments spread over the history, in process and over
HTTP through a real server. Run it alone with

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.model_stage_at
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

from headwater.errors import EntityNotFoundError
from headwater.server.app import openapi_app
from headwater.server.serving import BackgroundServer
from headwater.store.base import Store
from headwater.store.factory import open_store
from headwater.store.model_registry import ModelStage, ModelVersionRequest
from headwater.store.sql.ids import new_id
from headwater.store.sql.schema import stage_transitions

TRANSITIONS = 10_000
VERSIONS = 200
QUESTIONS = 200
BEGAN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
POSTGRES_ADMIN_URL = os.environ.get(
    "HEADWATER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@dataclass(frozen=True)
class StageAtFigure:
    """Median and p95 of one way of asking, in milliseconds."""

    case: str
    median_ms: float
    p95_ms: float


def seed_history(url: str) -> None:
    """One model, its versions, and a made-up history of `TRANSITIONS` rows."""
    store = open_store(url)
    try:
        versions = [
            store.resolve_model_version(ModelVersionRequest(model_name="iris")).id
            for _ in range(VERSIONS)
        ]
    finally:
        store.close()
    stages = (ModelStage.STAGING.value, ModelStage.PRODUCTION.value)
    rows = []
    for index in range(TRANSITIONS):
        kind = index % 4
        to_stage = stages[index % 2] if kind != 3 else ModelStage.ARCHIVED.value
        rows.append(
            {
                "id": new_id(),
                "model_version_id": versions[index % VERSIONS],
                "from_stage": ModelStage.NONE.value if kind != 3 else stages[1],
                "to_stage": to_stage,
                "outcome": "skipped" if kind == 2 else "applied",
                "trigger": "rule" if kind == 2 else "user",
                "created": BEGAN + dt.timedelta(minutes=index),
            }
        )
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(stage_transitions.insert(), rows)
    engine.dispose()


def _moments() -> list[dt.datetime]:
    step = TRANSITIONS // QUESTIONS
    return [BEGAN + dt.timedelta(minutes=i * step, seconds=30) for i in range(1, QUESTIONS)]


def time_questions(store: Store) -> tuple[float, float]:
    """Median and p95 milliseconds of asking for production's holder at many moments."""

    def ask(at: dt.datetime) -> None:
        # An empty stage is an answer too (the history archives production now and then).
        with contextlib.suppress(EntityNotFoundError):
            store.get_stage_holder("iris", ModelStage.PRODUCTION, at)

    ask(_moments()[0])  # warm-up
    times = []
    for at in _moments():
        began = time.perf_counter()
        ask(at)
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def _measure(case: str, url: str) -> list[StageAtFigure]:
    seed_history(url)
    store = open_store(url)
    try:
        figures = [StageAtFigure(f"{case}, in process", *time_questions(store))]
    finally:
        store.close()
    figures.append(StageAtFigure(f"{case}, over HTTP", *_over_http(url)))
    return figures


def _over_http(url: str) -> tuple[float, float]:
    with served(url) as rest:
        return time_questions(rest)


@contextlib.contextmanager
def served(url: str) -> Iterator[Store]:
    """A REST store talking to a real server on a loopback port that serves `url`."""
    from headwater.config import Settings
    from headwater.server.dependencies import ServerState
    from headwater.session import Session

    app = openapi_app()
    with tempfile.TemporaryDirectory() as home, BackgroundServer(app) as server:
        sql = open_store(url)
        settings = Settings(home=Path(home), store_url=url, artifact_store_url=f"{home}/artifacts")
        app.state.headwater = ServerState(session=Session(settings=settings, store=sql))
        rest = open_store(server.url)
        try:
            yield rest
        finally:
            rest.close()
            sql.close()


def postgres_database_url() -> str | None:
    """A new, empty PostgreSQL database, or None when no server answers."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"headwater_stage_at_{new_id().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:  # no server: the SQLite figures still stand
        return None
    finally:
        admin.dispose()
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def drop_database(url: str) -> None:
    """Drop a database `postgres_database_url` made."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


def run_all() -> list[StageAtFigure]:
    """The figures on SQLite, then PostgreSQL when it is reachable."""
    with tempfile.TemporaryDirectory() as folder:
        figures = _measure("SQLite", f"sqlite:///{folder}/store.db")
    postgres = postgres_database_url()
    if postgres is not None:
        try:
            figures += _measure("PostgreSQL", postgres)
        finally:
            drop_database(postgres)
    return figures


if __name__ == "__main__":
    print(f"get_stage_holder with {TRANSITIONS:,} transitions, {VERSIONS} versions")
    for figure in run_all():
        print(f"{figure.case:28} median {figure.median_ms:7.2f} ms   p95 {figure.p95_ms:7.2f} ms")
