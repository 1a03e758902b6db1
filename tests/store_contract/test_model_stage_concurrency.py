"""Two processes promoting different versions to production at the same moment."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from headwater.store.filters import ListQuery
from headwater.store.model_registry import ModelStage, ModelVersionRequest, TransitionOutcome
from tests.store_contract.processes import run_together

WORKER = "tests.store_contract.concurrent_promoter"


def _two_versions(store):
    return [store.resolve_model_version(ModelVersionRequest(model_name="iris")) for _ in range(2)]


def _in_production(store):
    page = store.list_model_versions(ListQuery(filters={"stage": "production"}))
    return [v.number for v in page.items]


def _history(store):
    page = store.list_stage_transitions(ListQuery(sort_by="asc:created"))
    return [(t.version_number, t.to_stage, t.outcome) for t in page.items]


def test_concurrent_promotions_leave_one_winner_and_record_the_refused_attempt(
    store_backend, store, tmp_path
):
    versions = _two_versions(store)
    arguments = [[store_backend.url, str(v.id), "no-force"] for v in versions]

    outcomes = run_together(WORKER, arguments, tmp_path)

    assert sorted(o.strip() for o in outcomes) == ["outcome: applied", "outcome: refused"]
    (winner,) = _in_production(store)
    loser = 3 - winner
    assert set(_history(store)) == {
        (loser, ModelStage.PRODUCTION, TransitionOutcome.REFUSED),
        (winner, ModelStage.PRODUCTION, TransitionOutcome.APPLIED),
    }


def test_concurrent_forced_promotions_leave_exactly_one_in_production(
    store_backend, store, tmp_path
):
    versions = _two_versions(store)
    arguments = [[store_backend.url, str(v.id), "force"] for v in versions]

    outcomes = run_together(WORKER, arguments, tmp_path)

    assert [o.strip() for o in outcomes] == ["outcome: applied", "outcome: applied"]
    (winner,) = _in_production(store)
    first = 3 - winner
    assert _history(store) == [
        (first, ModelStage.PRODUCTION, TransitionOutcome.APPLIED),
        (first, ModelStage.ARCHIVED, TransitionOutcome.APPLIED),
        (winner, ModelStage.PRODUCTION, TransitionOutcome.APPLIED),
    ]


def test_the_schema_itself_refuses_two_versions_in_production(sql_store_backend):
    # A constraint of the SQL schema itself: the REST store has no tables to test.
    store = sql_store_backend.open()
    one, two = _two_versions(store)
    engine = create_engine(sql_store_backend.url)
    set_stage = text("UPDATE model_versions SET stage = 'production' WHERE id = :id")

    try:
        with engine.begin() as connection:
            connection.execute(set_stage, {"id": one.id.hex if _is_sqlite(engine) else one.id})
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(set_stage, {"id": two.id.hex if _is_sqlite(engine) else two.id})
    finally:
        engine.dispose()

    assert _in_production(store) == [1]
    store.close()


def _is_sqlite(engine):
    return engine.dialect.name == "sqlite"


def test_concurrent_runs_making_versions_get_distinct_consecutive_numbers(
    store_backend, store, tmp_path
):
    workers, per_worker = 3, 8
    arguments = [[store_backend.url, str(per_worker)] for _ in range(workers)]

    errors = run_together("tests.store_contract.concurrent_versioner", arguments, tmp_path)

    assert not any("database is locked" in error for error in errors)
    page = store.list_model_versions(ListQuery(sort_by="asc:number", size=100))
    assert [v.number for v in page.items] == list(range(1, workers * per_worker + 1))
    assert store.get_model("iris").version_count == workers * per_worker
