"""Listing runs: op:value filters on fields, tags and typed metadata; sorting; pages."""

from __future__ import annotations

import datetime as dt

import pytest

from headwater.errors import FilterError
from headwater.store.filters import ListQuery
from headwater.store.metadata import encode_metadata
from headwater.store.models import ExecutionStatus, MetadataTarget
from tests.store_contract.records import a_run


def _names(page):
    return [run.name for run in page.items]


def test_runs_filter_by_several_statuses(store):
    done = store.create_run(a_run(name="done"))
    store.update_run_status(done.id, ExecutionStatus.COMPLETED)
    failed = store.create_run(a_run(name="failed"))
    store.update_run_status(failed.id, ExecutionStatus.FAILED)
    store.create_run(a_run(name="new"))

    page = store.list_runs(
        ListQuery(filters={"status": "oneof:[completed,failed]"}, sort_by="name")
    )

    assert _names(page) == ["done", "failed"]


def test_runs_filter_by_creation_time_given_as_iso_text(store):
    store.create_run(a_run(name="old"))
    boundary = dt.datetime.now(dt.UTC)
    store.create_run(a_run(name="new"))

    after = store.list_runs(ListQuery(filters={"created": f"gte:{boundary.isoformat()}"}))
    before = store.list_runs(ListQuery(filters={"created": f"lt:{boundary.isoformat()}"}))

    assert (_names(after), _names(before)) == (["new"], ["old"])


def test_runs_filter_by_tag(store):
    store.create_run(a_run(name="tagged", tags=("nightly",)))
    store.create_run(a_run(name="plain"))

    page = store.list_runs(ListQuery(filters={"tag": "nightly"}))

    assert _names(page) == ["tagged"]


def test_runs_filter_by_pipeline_user_and_orchestrator(store):
    store.create_run(a_run("training", name="match", user_name="ada", orchestrator="ray"))
    store.create_run(a_run("training", name="other-user", user_name="bob", orchestrator="ray"))
    store.create_run(a_run("scoring", name="other-pipeline", user_name="ada", orchestrator="ray"))

    page = store.list_runs(
        ListQuery(filters={"pipeline_name": "training", "user_name": "ada", "orchestrator": "ray"})
    )

    assert _names(page) == ["match"]


def test_contains_matches_names_regardless_of_case(store):
    store.create_run(a_run(name="Nightly-Train"))
    store.create_run(a_run(name="weekly"))

    page = store.list_runs(ListQuery(filters={"name": "contains:nightly"}))

    assert _names(page) == ["Nightly-Train"]


def test_metadata_filters_compare_numbers_as_numbers(store):
    for name, accuracy in (("ten", 10), ("nine-and-a-half", 9.5), ("none", None)):
        run = store.create_run(a_run(name=name))
        if accuracy is not None:
            store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata({"accuracy": accuracy}))

    page = store.list_runs(ListQuery(metadata={"accuracy": "gte:9.6"}))

    assert _names(page) == ["ten"]


def test_metadata_filters_compare_dates_as_dates_and_text_as_text(store):
    for name, when, model in (
        ("january", dt.datetime(2026, 1, 15, tzinfo=dt.UTC), "resnet"),
        ("march", dt.datetime(2026, 3, 1, tzinfo=dt.UTC), "vit"),
    ):
        run = store.create_run(a_run(name=name))
        store.add_metadata(
            MetadataTarget.RUN, run.id, encode_metadata({"evaluated": when, "model": model})
        )

    by_date = store.list_runs(ListQuery(metadata={"evaluated": "gt:2026-02-01"}))
    by_text = store.list_runs(ListQuery(metadata={"model": "startswith:res"}))

    assert (_names(by_date), _names(by_text)) == (["march"], ["january"])


def test_metadata_filters_match_booleans(store):
    best = store.create_run(a_run(name="best"))
    store.add_metadata(MetadataTarget.RUN, best.id, encode_metadata({"is_best": True}))
    worse = store.create_run(a_run(name="worse"))
    store.add_metadata(MetadataTarget.RUN, worse.id, encode_metadata({"is_best": False}))

    page = store.list_runs(ListQuery(metadata={"is_best": "true"}))

    assert _names(page) == ["best"]


def test_pages_cover_every_run_once_with_the_total(store):
    for _ in range(5):
        store.create_run(a_run())

    pages = [store.list_runs(ListQuery(index=index, size=2)) for index in (1, 2, 3)]

    assert [len(page) for page in pages] == [2, 2, 1]
    assert {page.total for page in pages} == {5}
    assert pages[0].total_pages == 3
    names = [name for page in pages for name in _names(page)]
    assert names == [f"training-{n}" for n in (5, 4, 3, 2, 1)]


def test_runs_sort_by_name_ascending(store):
    for name in ("b", "c", "a"):
        store.create_run(a_run(name=name))

    page = store.list_runs(ListQuery(sort_by="asc:name"))

    assert _names(page) == ["a", "b", "c"]


def test_unfinished_runs_sort_last_by_end_time(store):
    open_run = store.create_run(a_run(name="open"))
    done = store.create_run(a_run(name="done"))
    store.update_run_status(done.id, ExecutionStatus.COMPLETED)

    page = store.list_runs(ListQuery(sort_by="desc:ended"))

    assert _names(page) == ["done", "open"]
    assert open_run.ended is None


def _run_logging(store, name, metadata):
    run = store.create_run(a_run(name=name))
    if metadata:
        store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata(metadata))
    return run


def test_runs_sort_by_a_numeric_metadata_key_with_runs_lacking_it_last(store):
    for name, accuracy in (("low", 0.5), ("none", None), ("high", 0.9), ("mid", 0.7)):
        _run_logging(store, name, {} if accuracy is None else {"accuracy": accuracy})

    descending = store.list_runs(ListQuery(sort_by="desc:metadata.accuracy"))
    ascending = store.list_runs(ListQuery(sort_by="asc:metadata.accuracy"))

    assert _names(descending) == ["high", "mid", "low", "none"]
    assert _names(ascending) == ["low", "mid", "high", "none"]


def test_runs_sort_by_a_text_metadata_key_as_text(store):
    for name, optimizer in (("one", "sgd"), ("two", "adam"), ("three", "lion")):
        _run_logging(store, name, {"optimizer": optimizer})

    page = store.list_runs(ListQuery(sort_by="asc:metadata.optimizer"))

    assert _names(page) == ["two", "three", "one"]


def test_pages_of_runs_sorted_by_metadata_never_overlap(store):
    for index in range(7):
        _run_logging(store, f"r{index}", {"loss": (index * 3) % 7})

    pages = [
        store.list_runs(ListQuery(sort_by="asc:metadata.loss", size=3, index=index))
        for index in (1, 2, 3)
    ]

    names = [name for page in pages for name in _names(page)]
    assert names == [f"r{index}" for index in sorted(range(7), key=lambda i: (i * 3) % 7)]


def test_an_empty_metadata_sort_key_is_refused(store):
    with pytest.raises(FilterError, match=r"Cannot sort by 'metadata\.'.*metadata\.<key>"):
        store.list_runs(ListQuery(sort_by="desc:metadata."))


def test_an_unknown_filter_field_lists_the_fields_that_exist(store):
    with pytest.raises(
        FilterError,
        match=r"Cannot filter runs by 'colour'. Filter by one of: created, ended, id, name",
    ):
        store.list_runs(ListQuery(filters={"colour": "blue"}))


def test_every_bad_filter_is_reported_at_once(store):
    with pytest.raises(FilterError) as raised:
        store.list_runs(
            ListQuery(filters={"created": "gte:yesterday", "status": "done", "id": "contains:1"})
        )

    message = str(raised.value)
    assert "needs a date such as '2026-01-31'" in message
    assert "unknown status 'done'" in message
    assert "cannot use 'contains:'" in message


def test_an_unknown_sort_field_lists_the_sortable_fields(store):
    with pytest.raises(FilterError, match=r"Cannot sort by 'colour'\. Sort by one of: created"):
        store.list_runs(ListQuery(sort_by="desc:colour"))


def test_step_runs_cannot_be_filtered_by_metadata(store):
    with pytest.raises(FilterError, match="Step runs cannot be filtered by metadata"):
        store.list_step_runs(ListQuery(metadata={"accuracy": "gte:0.9"}))
