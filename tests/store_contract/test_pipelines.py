"""Pipelines and their versions."""

from __future__ import annotations

import uuid

import pytest

from headwater.errors import EntityNotFoundError
from headwater.store.filters import ListQuery
from tests.store_contract.records import a_run


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
