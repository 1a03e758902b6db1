"""Pipelines and their versions."""

from __future__ import annotations

import uuid

import pytest

from headwater.errors import EntityNotFoundError
from headwater.store.filters import ListQuery
from tests.store_contract.records import a_run, end_run


def test_a_pipeline_is_found_by_name_and_by_id(store):
    run = store.create_run(a_run("training"))

    by_name = store.get_pipeline("training")
    by_id = store.get_pipeline(run.pipeline_id)

    assert by_name == by_id
    assert by_name.name == "training"
    assert by_name.project_id == run.project_id


def test_an_unknown_pipeline_says_how_to_list_pipelines(store):
    with pytest.raises(
        EntityNotFoundError,
        match=r"No pipeline with id or name 'nope'\. List pipelines with `headwater pipelines",
    ):
        store.get_pipeline("nope")


def test_list_pipelines_filters_by_name_and_sorts_by_name(store):
    for name in ("train_b", "train_a", "score"):
        store.create_run(a_run(name))

    page = store.list_pipelines(ListQuery(filters={"name": "startswith:train"}, sort_by="asc:name"))

    assert [p.name for p in page.items] == ["train_a", "train_b"]
    assert page.total == 2


def test_a_pipeline_version_keeps_its_spec_and_hash(store):
    run = store.create_run(a_run(spec_hash="spec-9"))

    version = store.get_pipeline_version(run.pipeline_version_id)

    assert version.pipeline_id == run.pipeline_id
    assert version.spec_hash == "spec-9"
    assert version.spec == {"steps": [{"name": "train"}], "hash": "spec-9"}
    assert version.version == 1


def test_an_unknown_pipeline_version_says_it_is_missing(store):
    missing = uuid.uuid4()

    with pytest.raises(EntityNotFoundError, match=f"No pipeline version with id '{missing}'"):
        store.get_pipeline_version(missing)


def test_pipeline_versions_count_their_runs_and_name_the_first_and_last(store):
    first = store.create_run(a_run("training", spec_hash="spec-1"))
    store.create_run(a_run("training", spec_hash="spec-2"))
    last = store.create_run(a_run("training", spec_hash="spec-1"))
    store.create_run(a_run("other", spec_hash="spec-1"))
    pipeline = store.get_pipeline("training")

    page = store.list_pipeline_versions(
        ListQuery(filters={"pipeline_id": str(pipeline.id)}, sort_by="asc:version")
    )

    assert [s.version.version for s in page.items] == [1, 2]
    assert [s.run_count for s in page.items] == [2, 1]
    one = page.items[0]
    assert one.version.spec_hash == "spec-1"
    assert one.first_run is not None
    assert one.last_run is not None
    assert (one.first_run.id, one.first_run.name) == (first.id, first.name)
    assert (one.last_run.id, one.last_run.name) == (last.id, last.name)
    assert page.total == 2


def test_pipeline_versions_filter_by_number_and_page(store):
    for spec_hash in ("a", "b", "c"):
        store.create_run(a_run("training", spec_hash=spec_hash))
    pipeline = store.get_pipeline("training")
    query = ListQuery(
        filters={"pipeline_id": str(pipeline.id), "version": "oneof:[1,3]"},
        sort_by="desc:version",
        size=1,
    )

    page = store.list_pipeline_versions(query)

    assert [s.version.version for s in page.items] == [3]
    assert page.total == 2


def test_a_version_whose_runs_were_deleted_has_none(store):
    run = store.create_run(a_run("training"))
    store.delete_run(end_run(store, run).id)
    pipeline = store.get_pipeline("training")

    page = store.list_pipeline_versions(ListQuery(filters={"pipeline_id": str(pipeline.id)}))

    assert page.items[0].run_count == 0
    assert page.items[0].first_run is None
    assert page.items[0].last_run is None
