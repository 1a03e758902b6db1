"""`read_compared_steps`: the step runs of compared runs as plain values, on every store."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from headwater.metadata_types import Path, StorageSize, Uri
from headwater.store.compared_steps import compared_steps_of
from headwater.store.filters import ListQuery
from headwater.store.models import ExecutionStatus
from tests.store_contract.records import a_run, a_step, an_output, completed

# Every type, with the values whose typed copies do not hold them exactly (a non-finite
# float, integers past 2**53) next to ones they do.
EVERY_VALUE = {
    "count": 3,
    "negative": -7,
    "huge": 2**53 + 1,
    "below_huge": -(2**60),
    "edge": 2**53,
    "accuracy": 0.30000000000000004,
    "whole": 2.0,
    "loss": float("inf"),
    "gap": float("-inf"),
    "name": 'résnet "quoted"',
    "empty": "",
    "is_best": True,
    "is_worst": False,
    "params": {"lr": 0.1, "layers": [1, 2]},
    "classes": ["cat", "dog"],
    "when": dt.datetime(2026, 1, 31, 8, 0, tzinfo=dt.UTC),
    "data": Uri("s3://bucket/key"),
    "folder": Path("/tmp/x"),
    "size": StorageSize(2048),
}


def _two_runs_with_steps(store):
    first, second = store.create_run(a_run()), store.create_run(a_run())
    load = store.start_step(a_step(first, "load"))
    store.finish_step(load.id, completed(an_output("rows", content_hash="h-rows")))
    train = store.start_step(a_step(first, "train"))
    outputs = (an_output("model", content_hash="h-model"), an_output("report", content_hash="h-r"))
    store.finish_step(train.id, completed(*outputs, metadata=EVERY_VALUE))
    other = store.start_step(a_step(second, "train"))
    store.finish_step(other.id, completed(metadata={"count": 4, "zeta": 1, "alpha": 2}))
    return first, second


def _reference(store, run_ids):
    filters = {"run_id": f"oneof:{json.dumps([str(i) for i in run_ids])}"}
    steps = store.list_step_runs(ListQuery(filters=filters, sort_by="asc:created", size=100))
    outputs = [version for step in steps.items for version in step.outputs.values()]
    return compared_steps_of(steps.items, store.get_artifact_versions(outputs))


def test_compared_steps_are_the_full_step_runs_made_plain(store):
    first, second = _two_runs_with_steps(store)

    compared = store.read_compared_steps([first.id, second.id])

    assert compared == _reference(store, [first.id, second.id])
    assert [(step.run_id, step.name) for step in compared] == [
        (first.id, "load"),
        (first.id, "train"),
        (second.id, "train"),
    ]


def test_every_metadata_type_comes_back_as_it_was_logged_in_key_order(store):
    first, _ = _two_runs_with_steps(store)

    train = store.read_compared_steps([first.id])[1]

    assert dict(train.metadata) == EVERY_VALUE
    assert {k: type(v) for k, v in train.metadata.items()} == {
        k: type(v) for k, v in EVERY_VALUE.items()
    }
    assert list(train.metadata) == sorted(EVERY_VALUE)


def test_outputs_are_their_content_hashes_in_declared_order(store):
    first, _ = _two_runs_with_steps(store)

    load, train = store.read_compared_steps([first.id])

    assert load.output_hashes == {"rows": "h-rows"}
    assert list(train.output_hashes.items()) == [("model", "h-model"), ("report", "h-r")]
    assert train.status is ExecutionStatus.COMPLETED
    assert train.duration_seconds is not None
    assert train.duration_seconds >= 0
    assert train.parameters == {"gamma": 0.001}


def test_unknown_and_repeated_run_ids_add_no_steps(store):
    first, _ = _two_runs_with_steps(store)

    compared = store.read_compared_steps([first.id, uuid.uuid4(), first.id])

    assert [step.name for step in compared] == ["load", "train"]
    assert store.read_compared_steps([]) == []
