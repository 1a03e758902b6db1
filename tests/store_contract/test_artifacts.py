"""Artifact versions: what the store keeps about each saved output, and finding them."""

from __future__ import annotations

import uuid

import pytest

from headwater.errors import EntityNotFoundError
from headwater.store.filters import ListQuery
from headwater.store.models import Visualization, VisualizationType
from tests.store_contract.records import a_run, an_output, record_step


def test_an_artifact_version_keeps_everything_about_the_saved_output(store):
    run = store.create_run(a_run())
    output = an_output("model", metadata={"rows": 3}, tags=("best", "candidate"))
    step = record_step(store, run, "train", output)

    version = store.get_artifact_version(step.outputs["model"])

    assert (version.artifact_name, version.version, version.uri) == ("model", 1, output.uri)
    assert (version.content_hash, version.data_type, version.size_bytes) == (
        "hash-1",
        "builtins.int",
        42,
    )
    assert version.materializer == output.materializer
    assert version.visualizations == (
        Visualization(type=VisualizationType.MARKDOWN, uri="/vis/1.md", name="summary"),
    )
    assert version.tags == ("best", "candidate")
    assert version.metadata["rows"].value == 3
    assert version.producer_step_run_id == step.id


def test_get_artifact_versions_returns_the_known_ids_only(store):
    run = store.create_run(a_run())
    step = record_step(store, run, "load", an_output("a"), an_output("b"))
    missing = uuid.uuid4()

    found = store.get_artifact_versions([step.outputs["a"], step.outputs["b"], missing])

    assert set(found) == {step.outputs["a"], step.outputs["b"]}
    assert found[step.outputs["b"]].artifact_name == "b"


def test_one_artifact_version_reads_the_same_alone_as_among_others(store):
    run = store.create_run(a_run())
    model = an_output("model", metadata={"rows": 3, "name": "m"}, tags=("zeta", "best"))
    step = record_step(store, run, "train", model, an_output("report"))
    model_id, report_id = step.outputs["model"], step.outputs["report"]

    alone = store.get_artifact_versions([model_id, model_id])
    among_others = store.get_artifact_versions([model_id, report_id])

    assert alone == {model_id: among_others[model_id]}
    assert alone[model_id].tags == ("best", "zeta")
    assert list(alone[model_id].metadata) == ["name", "rows"]


def test_reading_one_unknown_artifact_version_finds_nothing(store):
    assert store.get_artifact_versions([uuid.uuid4()]) == {}


def test_an_unknown_artifact_version_says_it_is_missing(store):
    missing = uuid.uuid4()

    with pytest.raises(EntityNotFoundError, match=f"No artifact version with id '{missing}'"):
        store.get_artifact_version(missing)


def test_list_artifact_versions_by_name_sorted_by_version(store):
    run = store.create_run(a_run())
    for name in ("a", "b", "c"):
        record_step(store, run, name, an_output("out", artifact_name="model"))
    record_step(store, run, "d", an_output("out", artifact_name="scaler"))

    page = store.list_artifact_versions(
        ListQuery(filters={"artifact_name": "model"}, sort_by="desc:version")
    )

    assert [v.version for v in page.items] == [3, 2, 1]
    assert page.total == 3


def test_list_artifact_versions_by_tag_and_version_number(store):
    run = store.create_run(a_run())
    record_step(store, run, "a", an_output("out", artifact_name="model", tags=("eval",)))
    record_step(store, run, "b", an_output("out", artifact_name="model", tags=("eval",)))
    record_step(store, run, "c", an_output("out", artifact_name="model"))

    page = store.list_artifact_versions(ListQuery(filters={"tag": "eval", "version": "gte:2"}))

    assert [(v.version, v.tags) for v in page.items] == [(2, ("eval",))]
