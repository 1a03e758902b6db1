"""Runs: creation with everything they need, status changes, heartbeats, lookup, deletion."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from headwater.errors import (
    EntityExistsError,
    EntityInUseError,
    EntityNotFoundError,
    StatusTransitionError,
)
from headwater.store.filters import ListQuery
from headwater.store.metadata import encode_metadata
from headwater.store.models import ExecutionStatus, MetadataTarget
from tests.store_contract.records import a_run, a_step, an_output, end_run, record_step


def test_create_run_starts_initializing_with_its_pipeline_tags_and_config(store):
    run = store.create_run(a_run("training", tags=("nightly", "baseline")))

    assert run.status is ExecutionStatus.INITIALIZING
    assert run.pipeline_name == "training"
    assert run.tags == ("baseline", "nightly")
    assert run.config == {"spec": {"name": "training"}}
    assert run.started is None
    assert run.ended is None
    assert run.created.tzinfo is dt.UTC
    assert store.get_run(run.id) == run


def test_create_run_names_unnamed_runs_after_their_pipeline_with_a_counter(store):
    first = store.create_run(a_run("training"))
    second = store.create_run(a_run("training"))
    other = store.create_run(a_run("scoring"))

    assert (first.name, second.name, other.name) == ("training-1", "training-2", "scoring-1")


def test_create_run_skips_a_generated_name_a_user_already_took(store):
    store.create_run(a_run("training", name="training-1"))

    run = store.create_run(a_run("training"))

    assert run.name == "training-2"


def test_create_run_with_a_taken_name_is_refused(store):
    store.create_run(a_run(name="experiment"))

    with pytest.raises(EntityExistsError, match="A run named 'experiment' already exists"):
        store.create_run(a_run(name="experiment"))


def test_runs_with_the_same_spec_hash_share_a_pipeline_version(store):
    first = store.create_run(a_run(spec_hash="spec-1"))

    second = store.create_run(a_run(spec_hash="spec-1"))

    assert second.pipeline_version_id == first.pipeline_version_id
    assert second.pipeline_id == first.pipeline_id


def test_a_new_spec_hash_becomes_the_next_pipeline_version(store):
    first = store.create_run(a_run(spec_hash="spec-1"))

    second = store.create_run(a_run(spec_hash="spec-2"))

    versions = [store.get_pipeline_version(r.pipeline_version_id).version for r in (first, second)]
    assert versions == [1, 2]


def test_running_sets_the_start_once(store):
    run = store.create_run(a_run())
    running = store.update_run_status(run.id, ExecutionStatus.RUNNING)

    again = store.update_run_status(run.id, ExecutionStatus.RUNNING)

    assert running.started is not None
    assert again.started == running.started
    assert again.ended is None


def test_a_finished_status_sets_the_end_and_keeps_the_exception(store):
    run = store.create_run(a_run())
    store.update_run_status(run.id, ExecutionStatus.RUNNING)

    failed = store.update_run_status(run.id, ExecutionStatus.FAILED, exception="Traceback ...")

    assert failed.status is ExecutionStatus.FAILED
    assert failed.ended is not None
    assert failed.ended >= failed.started
    assert failed.exception == "Traceback ..."


@pytest.mark.parametrize(
    "final", [ExecutionStatus.COMPLETED, ExecutionStatus.FAILED, ExecutionStatus.STOPPED]
)
@pytest.mark.parametrize("unfinished", [ExecutionStatus.RUNNING, ExecutionStatus.INITIALIZING])
def test_a_finished_run_cannot_become_unfinished_again(store, final, unfinished):
    run = store.create_run(a_run(name="done"))
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    ended = store.update_run_status(run.id, final)

    with pytest.raises(StatusTransitionError, match=f"Run 'done' .* already ended as '{final}'"):
        store.update_run_status(run.id, unfinished)

    assert store.get_run(run.id) == ended


def test_a_run_stopped_as_stale_may_still_finish(store):
    run = store.create_run(a_run())
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    store.update_run_status(run.id, ExecutionStatus.STOPPED)

    completed = store.update_run_status(run.id, ExecutionStatus.COMPLETED)

    assert completed.status is ExecutionStatus.COMPLETED


@pytest.mark.parametrize(
    ("final", "other"),
    [
        (ExecutionStatus.COMPLETED, ExecutionStatus.STOPPED),
        (ExecutionStatus.COMPLETED, ExecutionStatus.FAILED),
        (ExecutionStatus.FAILED, ExecutionStatus.STOPPED),
        (ExecutionStatus.FAILED, ExecutionStatus.COMPLETED),
    ],
)
def test_a_completed_or_failed_run_keeps_its_status(store, final, other):
    # `runs stop` racing the run's own end must not turn a completed run into a stopped one.
    run = store.create_run(a_run(name="done"))
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    ended = store.update_run_status(run.id, final)

    with pytest.raises(StatusTransitionError, match=f"already ended as '{final}'"):
        store.update_run_status(run.id, other)

    assert store.get_run(run.id) == ended


def test_updating_the_status_of_a_missing_run_says_it_is_missing(store):
    missing = uuid.uuid4()

    with pytest.raises(EntityNotFoundError, match=f"No run with id or name '{missing}'"):
        store.update_run_status(missing, ExecutionStatus.RUNNING)


def test_heartbeat_records_when_the_run_was_last_alive(store):
    run = store.create_run(a_run())

    store.heartbeat(run.id)

    heartbeat = store.get_run(run.id).heartbeat
    assert heartbeat is not None
    assert heartbeat >= run.created


def test_heartbeat_of_a_missing_run_says_it_is_missing(store):
    with pytest.raises(EntityNotFoundError, match="No run with id or name"):
        store.heartbeat(uuid.uuid4())


def test_stale_runs_and_their_unfinished_steps_are_stopped(sql_store):
    run = sql_store.create_run(a_run())
    sql_store.update_run_status(run.id, ExecutionStatus.RUNNING)
    done = record_step(sql_store, run, "load")
    busy = sql_store.start_step(a_step(run, "train"))

    count = sql_store.stop_stale_runs(older_than=dt.timedelta(0))

    assert count == 1
    stopped = sql_store.get_run(run.id)
    assert stopped.status is ExecutionStatus.STOPPED
    assert stopped.ended is not None
    assert sql_store.get_step_run(busy.id).status is ExecutionStatus.STOPPED
    assert sql_store.get_step_run(done.id).status is ExecutionStatus.COMPLETED


def test_runs_with_a_recent_heartbeat_or_a_finished_status_are_not_stopped(sql_store):
    alive = sql_store.create_run(a_run())
    sql_store.heartbeat(alive.id)
    finished = sql_store.create_run(a_run())
    sql_store.update_run_status(finished.id, ExecutionStatus.COMPLETED)

    count = sql_store.stop_stale_runs(older_than=dt.timedelta(hours=1))

    assert count == 0
    assert sql_store.get_run(alive.id).status is ExecutionStatus.INITIALIZING
    assert sql_store.stop_stale_runs(older_than=dt.timedelta(0)) == 1
    assert sql_store.get_run(finished.id).status is ExecutionStatus.COMPLETED


def test_a_run_is_stale_by_its_own_heartbeat_interval_not_the_sweepers(sql_store):
    slow_beats = sql_store.create_run(a_run().model_copy(update={"heartbeat_seconds": 3600.0}))
    sql_store.heartbeat(slow_beats.id)
    fast_beats = sql_store.create_run(a_run().model_copy(update={"heartbeat_seconds": 1e-6}))
    sql_store.heartbeat(fast_beats.id)

    count = sql_store.stop_stale_runs(older_than=dt.timedelta(0))

    assert count == 1
    assert sql_store.get_run(slow_beats.id).status is ExecutionStatus.INITIALIZING
    assert sql_store.get_run(fast_beats.id).status is ExecutionStatus.STOPPED


def test_beats_missed_before_the_sweeper_watched_do_not_count(sql_store):
    run = sql_store.create_run(a_run().model_copy(update={"heartbeat_seconds": 1e-6}))
    sql_store.heartbeat(run.id)
    # A server back from an outage that ate the beats; its clock counts from its return
    # (a minute ahead, so the microsecond beats cannot lapse while this test runs).
    restarted = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)

    kept = sql_store.stop_stale_runs(older_than=dt.timedelta(0), watched_since=restarted)
    later = sql_store.stop_stale_runs(
        older_than=dt.timedelta(0), watched_since=restarted - dt.timedelta(hours=1)
    )

    assert kept == 0
    assert later == 1
    assert sql_store.get_run(run.id).status is ExecutionStatus.STOPPED


def test_a_stores_roles_say_who_may_sweep_stale_runs(store_backend, store):
    from headwater.store.base import StaleRunSweeper

    assert isinstance(store, StaleRunSweeper) is (store_backend.name != "rest")


def test_get_run_finds_a_run_by_id_by_its_text_and_by_name(store):
    run = store.create_run(a_run(name="nightly-7"))

    found = [store.get_run(run.id), store.get_run(str(run.id)), store.get_run("nightly-7")]

    assert {r.id for r in found} == {run.id}


def test_get_run_of_an_unknown_name_says_how_to_list_runs(store):
    with pytest.raises(
        EntityNotFoundError,
        match=r"No run with id or name 'nope'. List runs with `headwater runs list`.",
    ):
        store.get_run("nope")


def test_get_run_returns_its_metadata(store):
    run = store.create_run(a_run())
    store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata({"accuracy": 0.93}))

    found = store.get_run(run.id)

    assert found.metadata["accuracy"].value == 0.93


def test_delete_run_removes_its_steps_and_metadata_but_keeps_artifact_versions(store):
    run = store.create_run(a_run())
    step = record_step(store, run, "train", an_output("model"))
    store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata({"note": "x"}))
    end_run(store, run)

    store.delete_run(run.id)

    with pytest.raises(EntityNotFoundError):
        store.get_run(run.id)
    with pytest.raises(EntityNotFoundError):
        store.get_step_run(step.id)
    version = store.get_artifact_version(step.outputs["model"])
    assert version.producer_step_run_id is None
    assert store.list_runs(ListQuery()).total == 0


def test_deleting_the_run_of_an_original_step_keeps_the_steps_cached_from_it(store):
    first = store.create_run(a_run())
    original = record_step(store, first, "train", an_output("model"))
    second = store.create_run(a_run())
    cached = store.start_step(a_step(second, "train", cached_from=original))
    end_run(store, first)

    store.delete_run(first.id)

    kept = store.get_step_run(cached.id)
    assert kept.original_step_run_id is None
    assert kept.outputs == original.outputs


@pytest.mark.parametrize("unfinished", [ExecutionStatus.INITIALIZING, ExecutionStatus.RUNNING])
def test_a_run_that_has_not_ended_cannot_be_deleted(store, unfinished):
    run = store.create_run(a_run(name="busy"))
    store.update_run_status(run.id, unfinished)
    step = store.start_step(a_step(run, "train"))

    with pytest.raises(EntityInUseError, match=r"Run 'busy' is .*headwater runs stop busy"):
        store.delete_run(run.id)

    assert store.get_run(run.id).status is unfinished
    assert store.get_step_run(step.id).status is ExecutionStatus.RUNNING


@pytest.mark.parametrize(
    "final", [ExecutionStatus.STOPPED, ExecutionStatus.FAILED, ExecutionStatus.COMPLETED]
)
def test_a_run_that_has_ended_can_be_deleted(store, final):
    run = store.create_run(a_run())
    end_run(store, run, final)

    store.delete_run(run.id)

    with pytest.raises(EntityNotFoundError):
        store.get_run(run.id)


def test_a_run_that_ends_stops_its_steps_that_have_not(store):
    run = store.create_run(a_run())
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    done = record_step(store, run, "load")
    busy = store.start_step(a_step(run, "train"))

    store.update_run_status(run.id, ExecutionStatus.STOPPED, exception="Stopped by hand.")

    stopped = store.get_step_run(busy.id)
    assert stopped.status is ExecutionStatus.STOPPED
    assert stopped.ended is not None
    assert "run ended as 'stopped'" in (stopped.exception or "")
    assert store.get_step_run(done.id).status is ExecutionStatus.COMPLETED


def test_deleting_a_missing_run_says_it_is_missing(store):
    with pytest.raises(EntityNotFoundError, match="No run with id or name"):
        store.delete_run(uuid.uuid4())
