"""The metadata explorer: the catalog of keys in use and one key's series over time."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from headwater.store.metadata import encode_metadata
from headwater.store.metadata_catalog import MetadataKeyQuery, MetadataSeriesQuery
from headwater.store.models import MetadataTarget, MetadataType
from tests.store_contract.records import a_run, an_output, end_run, record_step

RUN = MetadataTarget.RUN


def _run_with(store, metadata, pipeline_name="training", project_name=None):
    created = a_run(pipeline_name)
    if project_name is not None:
        created = created.model_copy(update={"project_name": project_name})
    run = store.create_run(created)
    store.add_metadata(RUN, run.id, encode_metadata(metadata))
    return run


def test_the_catalog_lists_each_key_per_resource_with_types_and_counts(store):
    _run_with(store, {"accuracy": 0.9, "optimizer": "adam"})
    run = _run_with(store, {"accuracy": 1})
    step = record_step(store, run, "train", an_output("model", metadata={"rows": 10}))

    keys = store.list_metadata_keys(MetadataKeyQuery())

    found = {(k.resource, k.key): (k.types, k.count) for k in keys}
    assert found[(RUN, "accuracy")] == ((MetadataType.FLOAT, MetadataType.INT), 2)
    assert found[(RUN, "optimizer")] == ((MetadataType.STRING,), 1)
    assert found[(MetadataTarget.ARTIFACT_VERSION, "rows")] == ((MetadataType.INT,), 1)
    assert step.outputs["model"] is not None
    accuracy = next(k for k in keys if k.key == "accuracy")
    assert accuracy.first_seen <= accuracy.last_seen


def test_the_catalog_narrows_to_one_resource_pipeline_and_search(store):
    _run_with(store, {"accuracy": 0.9, "loss": 0.1}, pipeline_name="training")
    _run_with(store, {"rows": 5}, pipeline_name="etl")

    by_pipeline = store.list_metadata_keys(MetadataKeyQuery(resource=RUN, pipeline_name="etl"))
    searched = store.list_metadata_keys(MetadataKeyQuery(resource=RUN, search="ACC"))

    assert [k.key for k in by_pipeline] == ["rows"]
    assert [k.key for k in searched] == ["accuracy"]


def test_the_catalog_counts_only_entities_of_the_given_project(store):
    _run_with(store, {"accuracy": 0.9})
    _run_with(store, {"secret_key": 1}, project_name="hidden")
    project = store.get_project("default")

    keys = store.list_metadata_keys(MetadataKeyQuery(project_id=project.id))

    assert [k.key for k in keys] == ["accuracy"]


def _run_keys(store, **narrowing):
    keys = store.list_metadata_keys(MetadataKeyQuery(resource=RUN, **narrowing))
    return {k.key: (k.types, k.count) for k in keys}


def test_the_catalog_counts_a_rewritten_key_once_per_entity(store):
    run = _run_with(store, {"accuracy": 0.5})
    _run_with(store, {"accuracy": 0.6})

    store.add_metadata(RUN, run.id, encode_metadata({"accuracy": 0.7}))

    assert _run_keys(store)["accuracy"] == ((MetadataType.FLOAT,), 2)


def test_the_catalog_moves_an_entity_to_the_type_its_key_now_holds(store):
    run = _run_with(store, {"epochs": 3})
    _run_with(store, {"epochs": 4})

    store.add_metadata(RUN, run.id, encode_metadata({"epochs": "three"}))

    keys = store.list_metadata_keys(MetadataKeyQuery(resource=RUN))
    epochs = next(k for k in keys if k.key == "epochs")
    assert epochs.types == (MetadataType.INT, MetadataType.STRING)
    assert epochs.count == 2


def test_the_catalog_forgets_the_keys_of_deleted_runs(store):
    kept = _run_with(store, {"accuracy": 0.9})
    gone = _run_with(store, {"accuracy": 0.8, "scratch": 1})

    store.delete_run(end_run(store, gone).id)

    assert _run_keys(store) == {"accuracy": ((MetadataType.FLOAT,), 1)}
    assert kept.id != gone.id


def test_the_summarised_catalog_agrees_with_one_counted_from_the_entries(store):
    first = _run_with(store, {"accuracy": 0.9, "optimizer": "adam", "layers": 3})
    _run_with(store, {"accuracy": 1, "layers": "deep"})
    store.add_metadata(RUN, first.id, encode_metadata({"optimizer": "sgd", "extra": True}))
    project = store.get_project("default")

    summarised = _run_keys(store)
    counted = _run_keys(store, project_id=project.id)

    assert summarised == counted
    assert summarised["layers"] == ((MetadataType.INT, MetadataType.STRING), 2)


def test_a_series_lists_a_keys_values_oldest_first_with_their_runs(store):
    runs = [_run_with(store, {"accuracy": value}) for value in (0.5, 0.7, 0.9)]
    _run_with(store, {"loss": 0.3})

    series = store.get_metadata_series(MetadataSeriesQuery(key="accuracy"))

    assert series.total == 3
    assert not series.is_aggregated
    assert [p.value for p in series.points] == [0.5, 0.7, 0.9]
    assert [p.run_id for p in series.points] == [run.id for run in runs]
    assert {p.group for p in series.points} == {"training"}
    assert series.points[0].entity_name == runs[0].name


def test_a_series_keeps_only_the_last_entities_when_asked(store):
    for value in (1, 2, 3, 4):
        _run_with(store, {"epoch": value})

    series = store.get_metadata_series(MetadataSeriesQuery(key="epoch", last=2))

    assert [p.value for p in series.points] == [3.0, 4.0]


def test_a_long_series_is_bucketed_with_min_max_and_mean(store):
    for value in range(10):
        _run_with(store, {"loss": float(value)})

    series = store.get_metadata_series(MetadataSeriesQuery(key="loss", max_points=2))

    assert series.is_aggregated
    assert series.total == 10
    assert [(p.min, p.max, p.value, p.count) for p in series.points] == [
        (0.0, 4.0, 2.0, 5),
        (5.0, 9.0, 7.0, 5),
    ]


def test_a_series_of_step_metadata_names_the_run_and_step(store):
    run = store.create_run(a_run())
    started = record_step(store, run, "train")
    store.add_metadata(MetadataTarget.STEP_RUN, started.id, encode_metadata({"epochs": 3}))

    series = store.get_metadata_series(
        MetadataSeriesQuery(key="epochs", resource=MetadataTarget.STEP_RUN)
    )

    assert [(p.value, p.entity_name, p.run_id) for p in series.points] == [
        (3.0, f"{run.name}/train", run.id)
    ]


def test_a_series_of_text_values_keeps_them_as_text(store):
    _run_with(store, {"optimizer": "adam"})

    series = store.get_metadata_series(MetadataSeriesQuery(key="optimizer"))

    assert [(p.value, p.text) for p in series.points] == [(None, "adam")]


def test_a_series_asks_for_a_key_and_a_bounded_number_of_points():
    with pytest.raises(ValidationError):
        MetadataSeriesQuery(key="", max_points=0)


def test_buckets_share_the_points_among_lines_by_their_size(store):
    for value in range(6):
        _run_with(store, {"loss": float(value)}, pipeline_name="training")
    for value in (10.0, 20.0):
        _run_with(store, {"loss": value}, pipeline_name="tuning")

    series = store.get_metadata_series(MetadataSeriesQuery(key="loss", max_points=4))

    by_line = {}
    for point in series.points:
        by_line.setdefault(point.group, []).append((point.value, point.count))
    assert by_line == {
        "training": [(0.5, 2), (2.5, 2), (4.5, 2)],
        "tuning": [(15.0, 2)],
    }
    assert [p.time for p in series.points] == sorted(p.time for p in series.points)
