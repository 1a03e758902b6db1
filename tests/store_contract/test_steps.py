"""Step runs: the runner's start and finish writes, cache lookups and listing."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from headwater.errors import EntityNotFoundError, StoreError
from headwater.store.filters import ListQuery
from headwater.store.models import (
    CachedOutput,
    ExecutionStatus,
    MetadataType,
    ResourceUsage,
    StepRunEnd,
)
from tests.store_contract.records import a_run, a_step, an_output, completed, record_step


def test_start_step_records_a_running_step_with_its_inputs(store):
    run = store.create_run(a_run())
    load = record_step(store, run, "load", an_output("data"))

    started = store.start_step(a_step(run, "train", inputs={"data": load.outputs["data"]}))

    assert started.status is ExecutionStatus.RUNNING
    assert started.started is not None
    assert started.ended is None
    assert started.inputs == {"data": load.outputs["data"]}
    assert store.get_step_run(started.id) == started


def test_a_cached_step_reuses_the_outputs_of_its_original(store):
    first = store.create_run(a_run())
    original = record_step(store, first, "train", an_output("model"), an_output("score"))
    second = store.create_run(a_run())

    cached = store.start_step(a_step(second, "train", cached_from=original))

    assert cached.status is ExecutionStatus.CACHED
    assert cached.started == cached.ended
    assert cached.original_step_run_id == original.id
    assert cached.outputs == original.outputs
    assert store.get_step_run(cached.id).outputs == original.outputs


def test_start_step_for_an_unknown_run_names_the_run(store):
    run = store.create_run(a_run())
    step = a_step(run).model_copy(update={"run_id": uuid.uuid4()})

    with pytest.raises(EntityNotFoundError, match=f"there is no run with id '{step.run_id}'"):
        store.start_step(step)


def test_start_step_with_an_unknown_input_names_the_input(store):
    run = store.create_run(a_run())
    missing = uuid.uuid4()

    with pytest.raises(EntityNotFoundError, match=f"its inputs 'data' \\({missing}\\)"):
        store.start_step(a_step(run, inputs={"data": missing}))


def test_a_cached_step_without_an_original_is_refused(store):
    run = store.create_run(a_run())
    step = a_step(run).model_copy(update={"status": ExecutionStatus.CACHED})

    with pytest.raises(StoreError, match="names no original step run"):
        store.start_step(step)


def test_a_step_cannot_start_as_completed(store):
    run = store.create_run(a_run())
    step = a_step(run).model_copy(update={"status": ExecutionStatus.COMPLETED})

    with pytest.raises(StoreError, match="cannot start as 'completed'"):
        store.start_step(step)


def test_finish_step_records_outputs_metadata_and_resources_at_once(store):
    run = store.create_run(a_run())
    started = store.start_step(a_step(run, "train"))

    finished = store.finish_step(
        started.id,
        completed(
            an_output("model", metadata={"rows": 3}, tags=("best",)),
            metadata={"accuracy": 0.9},
        ),
    )

    assert finished.status is ExecutionStatus.COMPLETED
    assert finished.ended is not None
    assert (finished.cpu_seconds, finished.peak_memory_bytes) == (1.5, 2048)
    assert finished.metadata["accuracy"].type is MetadataType.FLOAT
    version = store.get_artifact_version(finished.outputs["model"])
    assert version.metadata["rows"].value == 3
    assert version.tags == ("best",)
    assert version.producer_step_run_id == started.id
    assert store.get_step_run(started.id) == finished


def test_versions_are_numbered_per_artifact(store):
    run = store.create_run(a_run())

    first = record_step(store, run, "a", an_output("x", artifact_name="model"))
    second = record_step(store, run, "b", an_output("x", artifact_name="model"))
    other = record_step(store, run, "c", an_output("x", artifact_name="scaler"))

    versions = [store.get_artifact_version(s.outputs["x"]).version for s in (first, second, other)]
    assert versions == [1, 2, 1]


def test_a_step_run_finishes_only_once(store):
    run = store.create_run(a_run())
    finished = record_step(store, run, "train")

    with pytest.raises(StoreError, match="already ended as 'completed'; a step run finishes once"):
        store.finish_step(finished.id, completed())


def test_finishing_an_unknown_step_run_says_it_is_missing(store):
    missing = uuid.uuid4()

    with pytest.raises(EntityNotFoundError, match=f"No step run with id '{missing}'"):
        store.finish_step(missing, completed())


def test_a_failed_step_keeps_its_traceback(store):
    run = store.create_run(a_run())
    started = store.start_step(a_step(run))

    failed = store.finish_step(
        started.id,
        StepRunEnd(
            status=ExecutionStatus.FAILED,
            exception="Traceback: ValueError",
            resources=ResourceUsage(cpu_seconds=0.1, peak_memory_bytes=1),
        ),
    )

    assert failed.status is ExecutionStatus.FAILED
    assert failed.exception == "Traceback: ValueError"
    assert failed.outputs == {}


def test_a_step_cannot_finish_as_running(store):
    run = store.create_run(a_run())
    started = store.start_step(a_step(run))

    with pytest.raises(StoreError, match="cannot finish as 'running'"):
        store.finish_step(started.id, StepRunEnd(status=ExecutionStatus.RUNNING))


def test_inputs_and_outputs_come_back_in_the_order_the_step_declared_them(store):
    run = store.create_run(a_run())
    load = record_step(store, run, "load", an_output("zeta"), an_output("alpha"))

    train = record_step(
        store, run, "train", inputs={"zeta": load.outputs["zeta"], "alpha": load.outputs["alpha"]}
    )

    assert list(store.get_step_run(load.id).outputs) == ["zeta", "alpha"]
    assert list(store.get_step_run(train.id).inputs) == ["zeta", "alpha"]


def test_outputs_are_numbered_within_their_runs_project(store):
    runs = [
        store.create_run(a_run().model_copy(update={"project_name": project}))
        for project in ("alpha", "beta", "alpha")
    ]

    steps = [record_step(store, run, "train", an_output("model")) for run in runs]

    version_ids = [step.outputs["model"] for step in steps]
    versions = store.get_artifact_versions(version_ids)
    first_alpha, beta, second_alpha = (versions[vid] for vid in version_ids)
    assert [first_alpha.version, beta.version, second_alpha.version] == [1, 1, 2]
    assert first_alpha.artifact_id == second_alpha.artifact_id != beta.artifact_id


def test_get_step_run_of_an_unknown_id_says_it_is_missing(store):
    with pytest.raises(EntityNotFoundError, match="No step run with id"):
        store.get_step_run(uuid.uuid4())


def test_the_cache_finds_the_newest_completed_step_run_with_the_key(store):
    run = store.create_run(a_run())
    record_step(store, run, "a", an_output("x"), cache_key="key-1")
    newest = record_step(store, run, "b", an_output("x"), cache_key="key-1")
    record_step(store, run, "c", cache_key="key-2")

    found = store.find_cached_step_run("key-1")

    assert found == newest


def test_the_cache_ignores_running_and_failed_step_runs(store):
    run = store.create_run(a_run())
    store.start_step(a_step(run, "a", cache_key="key-1"))
    failing = store.start_step(a_step(run, "b", cache_key="key-1"))
    store.finish_step(failing.id, StepRunEnd(status=ExecutionStatus.FAILED))

    found = store.find_cached_step_run("key-1")

    assert found is None


def test_a_cache_hit_names_the_newest_original_and_what_its_outputs_need(store):
    run = store.create_run(a_run())
    record_step(store, run, "a", an_output("x"), cache_key="key-1")
    newest = record_step(store, run, "b", an_output("y"), an_output("x"), cache_key="key-1")
    version = store.get_artifact_versions([newest.outputs["x"]])[newest.outputs["x"]]

    hit = store.find_cache_hit("key-1")

    assert hit is not None
    assert hit.original_step_run_id == newest.id
    assert list(hit.outputs) == ["y", "x"]
    assert hit.outputs["x"] == CachedOutput(
        artifact_version_id=version.id,
        uri=version.uri,
        content_hash=version.content_hash,
        materializer=version.materializer,
        data_type=version.data_type,
    )


def test_a_cache_hit_of_a_step_without_outputs_has_none(store):
    run = store.create_run(a_run())
    original = record_step(store, run, "a", cache_key="key-1")

    hit = store.find_cache_hit("key-1")

    assert hit is not None
    assert hit.original_step_run_id == original.id
    assert hit.outputs == {}


def test_a_cache_hit_ignores_running_and_failed_step_runs(store):
    run = store.create_run(a_run())
    store.start_step(a_step(run, "a", cache_key="key-1"))
    failing = store.start_step(a_step(run, "b", cache_key="key-1"))
    store.finish_step(failing.id, StepRunEnd(status=ExecutionStatus.FAILED))

    assert store.find_cache_hit("key-1") is None
    assert store.find_cache_hit("key-unknown") is None


def test_the_previous_step_run_is_the_newest_executed_one_of_that_pipeline(store):
    older = store.create_run(a_run("training"))
    baseline = record_step(store, older, "train")
    other = store.create_run(a_run("scoring"))
    record_step(store, other, "train")
    cached_run = store.create_run(a_run("training"))
    store.start_step(a_step(cached_run, "train", cached_from=baseline))
    current_run = store.create_run(a_run("training"))
    current = record_step(store, current_run, "train")

    previous = store.find_previous_step_run("train", "training", before=current.created)

    assert previous == baseline


def test_there_is_no_previous_step_run_before_the_first(store):
    run = store.create_run(a_run())
    first = record_step(store, run, "train")

    previous = store.find_previous_step_run("train", "training", before=first.created)

    assert previous is None


def test_list_step_runs_of_a_run_in_start_order(store):
    run = store.create_run(a_run())
    names = ["load", "clean", "train"]
    for name in names:
        record_step(store, run, name)
    record_step(store, store.create_run(a_run()), "other")

    page = store.list_step_runs(ListQuery(filters={"run_id": str(run.id)}, sort_by="asc:created"))

    assert [s.name for s in page.items] == names
    assert page.total == 3


def test_list_step_runs_by_several_names_fills_outputs(store):
    run = store.create_run(a_run())
    record_step(store, run, "load", an_output("data"))
    record_step(store, run, "train", an_output("model"))
    record_step(store, run, "report")

    page = store.list_step_runs(
        ListQuery(filters={"run_id": str(run.id), "name": "oneof:[load,train]"}, sort_by="name")
    )

    assert [(s.name, list(s.outputs)) for s in page.items] == [
        ("load", ["data"]),
        ("train", ["model"]),
    ]


def test_step_run_times_are_utc(store):
    run = store.create_run(a_run())

    step = record_step(store, run)

    found = store.get_step_run(step.id)
    assert found.started.tzinfo is dt.UTC
    assert found.ended.tzinfo is dt.UTC
    assert found.duration_seconds >= 0


def test_step_runs_filter_by_an_artifact_version_they_read(store):
    run = store.create_run(a_run())
    load = record_step(store, run, "load", an_output("data"))
    train = record_step(store, run, "train", inputs={"data": load.outputs["data"]})
    record_step(store, run, "report", inputs={"table": load.outputs["data"]})
    record_step(store, run, "unrelated")

    page = store.list_step_runs(
        ListQuery(
            filters={"input_artifact_version_id": str(load.outputs["data"])},
            sort_by="asc:created",
        )
    )

    assert [s.name for s in page.items] == ["train", "report"]
    assert page.total == 2
    assert page.items[0].id == train.id
