"""Typed metadata on runs, step runs and artifact versions."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from headwater.errors import EntityNotFoundError
from headwater.metadata_types import Path, StorageSize, Uri
from headwater.store.metadata import decode_value, encode_metadata
from headwater.store.models import MetadataTarget
from tests.store_contract.records import a_run, a_step, an_output, completed, record_step

EVERY_TYPE = {
    "count": 3,
    "accuracy": 0.93,
    "loss": float("inf"),
    "name": "resnet",
    "is_best": True,
    "params": {"lr": 0.1, "layers": [1, 2]},
    "classes": ["cat", "dog"],
    "when": dt.datetime(2026, 1, 31, 8, 0, tzinfo=dt.UTC),
    "data": Uri("s3://bucket/key"),
    "folder": Path("/tmp/x"),
    "size": StorageSize(2048),
}


def test_every_metadata_type_comes_back_as_it_was_logged(store):
    run = store.create_run(a_run())

    store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata(EVERY_TYPE))

    entries = store.get_run(run.id).metadata
    decoded = {key: decode_value(entry) for key, entry in entries.items()}
    assert decoded == EVERY_TYPE
    assert {key: type(value) for key, value in decoded.items()} == {
        key: type(value) for key, value in EVERY_TYPE.items()
    }


def test_a_key_written_again_replaces_its_earlier_value(store):
    run = store.create_run(a_run())
    store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata({"accuracy": 0.5, "n": 1}))

    store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata({"accuracy": "high"}))

    metadata = store.get_run(run.id).metadata
    assert {k: decode_value(e) for k, e in metadata.items()} == {"accuracy": "high", "n": 1}


def test_metadata_added_to_a_running_step_is_kept_when_it_finishes(store):
    run = store.create_run(a_run())
    started = store.start_step(a_step(run))
    store.add_metadata(MetadataTarget.STEP_RUN, started.id, encode_metadata({"epoch": 1}))

    finished = store.finish_step(started.id, completed())

    assert set(finished.metadata) == {"epoch"}


def test_metadata_can_be_added_to_an_artifact_version_later(store):
    run = store.create_run(a_run())
    step = record_step(store, run, "train", an_output("model"))

    store.add_metadata(
        MetadataTarget.ARTIFACT_VERSION, step.outputs["model"], encode_metadata({"ok": True})
    )

    assert store.get_artifact_version(step.outputs["model"]).metadata["ok"].value is True


def test_metadata_for_an_unknown_target_says_what_was_missing(store):
    missing = uuid.uuid4()

    with pytest.raises(
        EntityNotFoundError, match=f"Cannot attach metadata to step run '{missing}'"
    ):
        store.add_metadata(MetadataTarget.STEP_RUN, missing, encode_metadata({"a": 1}))
