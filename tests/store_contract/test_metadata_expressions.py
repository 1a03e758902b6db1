"""Listing runs by a filter-language expression over run, step and artifact metadata."""

from __future__ import annotations

import pytest

from headwater.errors import FilterError
from headwater.store.filters import ListQuery
from headwater.store.metadata import encode_metadata
from headwater.store.models import MetadataTarget
from tests.store_contract.records import a_run, an_output, record_step


@pytest.fixture
def sweep(store):
    """Four runs: name -> run, with accuracy and optimizer (one without accuracy)."""
    values = {
        "adam-good": {"accuracy": 0.95, "optimizer": "adam"},
        "sgd-good": {"accuracy": 0.92, "optimizer": "sgd"},
        "lion-bad": {"accuracy": 0.5, "optimizer": "lion"},
        "no-accuracy": {"optimizer": "adam", "loss": 0.3},
    }
    runs = {}
    for name, metadata in values.items():
        runs[name] = store.create_run(a_run(name=name))
        store.add_metadata(MetadataTarget.RUN, runs[name].id, encode_metadata(metadata))
    return runs


def _names(store, where):
    return sorted(run.name for run in store.list_runs(ListQuery(where=where, size=100)).items)


def test_and_or_and_in_combine_as_written(store, sweep):
    where = 'accuracy >= 0.9 and (optimizer == "adam" or optimizer in ["sgd", "lion"])'

    assert _names(store, where) == ["adam-good", "sgd-good"]


def test_exists_and_not_exists_split_the_runs_by_a_key(store, sweep):
    assert _names(store, "exists(loss)") == ["no-accuracy"]
    assert _names(store, "not exists(accuracy)") == ["no-accuracy"]
    assert _names(store, "not optimizer == adam") == ["lion-bad", "sgd-good"]


def test_an_expression_holds_beside_the_other_filters(store, sweep):
    page = store.list_runs(
        ListQuery(where="optimizer = adam", metadata={"accuracy": "gt:0.9"}, size=100)
    )

    assert [run.name for run in page.items] == ["adam-good"]
    assert page.total == 1


def test_step_and_artifact_keys_find_runs_by_their_steps_and_outputs(store):
    with_loss = store.create_run(a_run(name="with-loss"))
    step = record_step(store, with_loss, "train", an_output("data", metadata={"rows": 500}))
    store.add_metadata(MetadataTarget.STEP_RUN, step.id, encode_metadata({"loss": 0.1}))
    other = store.create_run(a_run(name="other"))
    record_step(store, other, "train", an_output("data", metadata={"rows": 5}))

    assert _names(store, "step:loss < 0.2") == ["with-loss"]
    assert _names(store, "artifact:rows > 100") == ["with-loss"]
    assert _names(store, "exists(artifact:rows)") == ["other", "with-loss"]


def test_a_bad_expression_names_where_it_stopped(store):
    with pytest.raises(FilterError, match=r"at column 10 \('\)'\): expected a value"):
        store.list_runs(ListQuery(where="accuracy>)"))
