"""The SQL store saves a keyed write's answer in the write's transaction, once."""

from __future__ import annotations

import pytest

from headwater.errors import RepeatedWriteError, StatusTransitionError
from headwater.store.filters import ListQuery
from headwater.store.idempotency import WriteAnswer, WriteKey, keyed_write
from tests.store_contract.records import a_run, a_step, completed


@pytest.fixture
def sql_store(sql_store_backend):
    opened = sql_store_backend.open()
    yield opened
    opened.close()


def test_a_keyed_write_saves_its_answer_with_it(sql_store):
    run = sql_store.create_run(a_run())

    with keyed_write(WriteKey("key-1", "fingerprint-1")):
        started = sql_store.start_step(a_step(run))

    assert sql_store.find_write_answer("key-1") == WriteAnswer(
        fingerprint="fingerprint-1", answer=started.model_dump_json()
    )


def test_a_keyed_write_repeated_is_rolled_back_and_records_nothing(sql_store):
    run = sql_store.create_run(a_run())
    key = WriteKey("key-1", "fingerprint-1")
    with keyed_write(key):
        first = sql_store.start_step(a_step(run))

    with keyed_write(key), pytest.raises(RepeatedWriteError, match="applied already"):
        sql_store.start_step(a_step(run))

    steps = sql_store.list_step_runs(ListQuery(filters={"run_id": str(run.id)}))
    assert [step.id for step in steps.items] == [first.id]


def test_a_repeated_run_creation_is_rolled_back_and_records_nothing(sql_store):
    key = WriteKey("key-1", "fingerprint-1")
    with keyed_write(key):
        first = sql_store.create_run(a_run())

    with keyed_write(key), pytest.raises(RepeatedWriteError):
        sql_store.create_run(a_run())

    assert [run.id for run in sql_store.list_runs(ListQuery()).items] == [first.id]


def test_a_write_that_fails_saves_no_answer(sql_store):
    run = sql_store.create_run(a_run())
    started = sql_store.start_step(a_step(run))
    sql_store.finish_step(started.id, completed())

    with keyed_write(WriteKey("key-1", "fingerprint-1")), pytest.raises(StatusTransitionError):
        sql_store.finish_step(started.id, completed())

    assert sql_store.find_write_answer("key-1") is None


def test_a_write_without_a_key_saves_no_answer(sql_store):
    sql_store.create_run(a_run())

    assert sql_store.find_write_answer("key-1") is None
