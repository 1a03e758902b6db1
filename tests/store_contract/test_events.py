"""The events outbox: every run and step change, in order, from every process."""

from __future__ import annotations

from collections import Counter

from headwater.store.events import EventChange, EventEntity
from headwater.store.filters import ListQuery
from headwater.store.models import ExecutionStatus
from tests.store_contract.concurrent_writer import PIPELINE, STEPS
from tests.store_contract.processes import run_together
from tests.store_contract.records import a_run, a_step, completed, end_run


def test_a_run_and_its_steps_leave_events_in_the_order_they_happened(store):
    start = store.last_event_id()
    run = store.create_run(a_run())
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    step = store.start_step(a_step(run, "train"))
    store.finish_step(step.id, completed())
    store.update_run_status(run.id, ExecutionStatus.COMPLETED)

    found = store.list_events(after=start)

    assert [(e.entity, e.change, e.status, e.name) for e in found] == [
        (EventEntity.RUN, EventChange.CREATED, ExecutionStatus.INITIALIZING, run.name),
        (EventEntity.RUN, EventChange.STATUS, ExecutionStatus.RUNNING, run.name),
        (EventEntity.STEP_RUN, EventChange.CREATED, ExecutionStatus.RUNNING, "train"),
        (EventEntity.STEP_RUN, EventChange.STATUS, ExecutionStatus.COMPLETED, "train"),
        (EventEntity.RUN, EventChange.STATUS, ExecutionStatus.COMPLETED, run.name),
    ]
    assert [e.id for e in found] == sorted({e.id for e in found})
    assert {e.run_id for e in found} == {run.id}
    assert store.last_event_id() == found[-1].id


def test_events_are_read_after_an_id_and_of_one_run(store):
    first = store.create_run(a_run(name="first"))
    second = store.create_run(a_run(name="second"))
    store.delete_run(end_run(store, first).id)

    everything = store.list_events(after=0)
    after_first = store.list_events(after=everything[0].id)
    of_first = store.list_events(after=0, run_id=first.id)

    assert [e.entity_id for e in after_first] == [second.id, first.id, first.id]
    assert [e.change for e in of_first] == [
        EventChange.CREATED,
        EventChange.STATUS,
        EventChange.DELETED,
    ]
    assert len(store.list_events(after=0, limit=1)) == 1


def test_a_stopped_stale_run_leaves_an_event(sql_store):
    import datetime as dt

    run = sql_store.create_run(a_run())
    before = sql_store.last_event_id()

    sql_store.stop_stale_runs(older_than=dt.timedelta(microseconds=1))

    stopped = sql_store.list_events(after=before)
    assert [(e.entity_id, e.status) for e in stopped] == [(run.id, ExecutionStatus.STOPPED)]


def test_events_of_concurrent_writers_have_unique_growing_ids(store_backend, store, tmp_path):
    runs, workers = 3, 2
    arguments = [[store_backend.url, str(runs), str(n)] for n in range(workers)]

    run_together("tests.store_contract.concurrent_writer", arguments, tmp_path)

    found = store.list_events(after=0, limit=500)
    ids = [e.id for e in found]
    assert ids == sorted(set(ids))
    kinds = Counter((e.entity, e.change) for e in found)
    assert kinds[(EventEntity.RUN, EventChange.CREATED)] == runs * workers
    assert kinds[(EventEntity.STEP_RUN, EventChange.CREATED)] == runs * workers * len(STEPS)
    assert kinds[(EventEntity.STEP_RUN, EventChange.STATUS)] == runs * workers * len(STEPS)
    listed = store.list_runs(ListQuery(filters={"pipeline_name": PIPELINE}))
    assert {e.run_id for e in found} == {r.id for r in listed.items}


def test_each_new_run_trims_the_outbox_to_the_newest_events(sql_store_backend):
    store = sql_store_backend.open()
    try:
        store.events_kept = 3
        for name in ("one", "two", "three"):
            run = store.create_run(a_run(name=name))
            store.update_run_status(run.id, ExecutionStatus.RUNNING)
        newest = store.last_event_id()

        store.create_run(a_run(name="four"))

        kept = store.list_events(after=0)
        assert [e.id for e in kept] == [newest - 1, newest, newest + 1]
        assert kept[-1].name == "four"
    finally:
        store.close()


def test_the_last_event_id_of_a_run_ignores_other_runs_changes(store):
    first = store.create_run(a_run(name="first"))
    store.update_run_status(first.id, ExecutionStatus.RUNNING)
    of_first = store.last_event_id(run_id=first.id)

    second = store.create_run(a_run(name="second"))

    assert of_first == store.list_events(after=0, run_id=first.id)[-1].id
    assert store.last_event_id(run_id=first.id) == of_first
    assert store.last_event_id(run_id=second.id) == store.last_event_id() > of_first
