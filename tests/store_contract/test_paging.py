"""Deep pages: every page seeks from its boundary, and together they list each row once."""

from __future__ import annotations

import datetime as dt

import pytest

from headwater.store.filters import ListQuery
from headwater.store.models import ExecutionStatus
from tests.store_contract.records import a_run


def _all_pages(store, size, **query):
    first = store.list_runs(ListQuery(size=size, **query))
    pages = [first] + [
        store.list_runs(ListQuery(index=index, size=size, **query))
        for index in range(2, first.total_pages + 1)
    ]
    return [run.name for page in pages for run in page.items]


@pytest.mark.parametrize("sort_by", ["desc:status", "asc:status", "desc:ended", "asc:ended"])
def test_pages_of_a_sort_with_ties_and_missing_values_list_every_run_once(store, sort_by):
    for index in range(7):
        run = store.create_run(a_run(name=f"run-{index}"))
        if index % 3:
            store.update_run_status(run.id, ExecutionStatus.COMPLETED)

    paged = _all_pages(store, 2, sort_by=sort_by)

    in_one_page = [r.name for r in store.list_runs(ListQuery(size=100, sort_by=sort_by)).items]
    assert paged == in_one_page
    assert sorted(paged) == [f"run-{index}" for index in range(7)]


def test_pages_of_one_pipeline_seek_within_that_pipeline(store):
    for index in range(5):
        store.create_run(a_run("training", name=f"train-{index}"))
        store.create_run(a_run("scoring", name=f"score-{index}"))

    paged = _all_pages(store, 2, filters={"pipeline_name": "training"}, sort_by="asc:name")

    assert paged == [f"train-{index}" for index in range(5)]


def test_pages_sorted_by_a_joined_column_list_every_run_once(store):
    for index in range(3):
        store.create_run(a_run("b-pipeline", name=f"b-{index}"))
        store.create_run(a_run("a-pipeline", name=f"a-{index}"))

    paged = _all_pages(store, 4, sort_by="asc:pipeline_name")

    assert sorted(paged[:3]) == ["a-0", "a-1", "a-2"]
    assert sorted(paged[3:]) == ["b-0", "b-1", "b-2"]


def test_a_page_past_the_end_is_empty_but_knows_the_total(store):
    store.create_run(a_run())

    page = store.list_runs(ListQuery(index=3, size=10))

    assert (page.items, page.total, page.total_pages) == ((), 1, 1)


def test_a_related_filter_that_matches_nothing_lists_nothing(store):
    store.create_run(a_run("training"))

    page = store.list_runs(ListQuery(filters={"pipeline_name": "missing"}))

    assert (page.items, page.total) == ((), 0)


def test_several_filters_on_one_field_must_all_hold(store):
    store.create_run(a_run(name="early"))
    after_early = dt.datetime.now(dt.UTC)
    store.create_run(a_run(name="middle"))
    before_late = dt.datetime.now(dt.UTC)
    store.create_run(a_run(name="late"))

    page = store.list_runs(
        ListQuery(
            filters={"created": [f"gte:{after_early.isoformat()}", f"lt:{before_late.isoformat()}"]}
        )
    )

    assert [run.name for run in page.items] == ["middle"]
