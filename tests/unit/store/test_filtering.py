"""Turning ListQuery filters and sort keys into SQL, checked on the compiled text."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TypedDict

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Uuid, select
from sqlalchemy.dialects import sqlite

from headwater.errors import FilterError
from headwater.store.filters import ListQuery
from headwater.store.listings import EntityListing, Filter
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    order_by,
    page_window,
    parse_datetime,
    where_clauses,
)

things = Table(
    "things",
    MetaData(),
    Column("id", Uuid()),
    Column("name", String()),
    Column("status", String()),
    Column("created", DateTime()),
    Column("version", Integer()),
)


class ThingFilters(TypedDict, total=False):
    id: Filter
    name: Filter
    status: Filter
    created: Filter
    version: Filter


THINGS = EntityListing("things", ThingFilters, sortable=frozenset({"created", "name"}))
LISTING = Listing(
    declared=THINGS,
    filters={
        "id": ColumnFilter(things.c.id, FieldKind.ID),
        "name": ColumnFilter(things.c.name, FieldKind.TEXT),
        "status": ColumnFilter(things.c.status, FieldKind.STATUS),
        "created": ColumnFilter(things.c.created, FieldKind.DATETIME),
        "version": ColumnFilter(things.c.version, FieldKind.INTEGER),
    },
    sort_columns={"created": things.c.created, "name": things.c.name},
    id_column=things.c.id,
)


def _sql(**filters):
    statement = select(things.c.id).where(*where_clauses(LISTING, ListQuery(filters=filters)))
    compiled = statement.compile(dialect=sqlite.dialect())
    return str(compiled).split("WHERE ", 1)[-1], compiled.params


def test_a_plain_value_means_equality():
    sql, params = _sql(name="train")

    assert sql == "things.name = ?"
    assert list(params.values()) == ["train"]


def test_numbers_are_compared_as_numbers():
    sql, params = _sql(version="gte:10")

    assert sql == "things.version >= ?"
    assert list(params.values()) == [10]


def test_dates_are_parsed_and_made_timezone_aware():
    _, params = _sql(created="lt:2026-01-31")

    assert list(params.values()) == [dt.datetime(2026, 1, 31, tzinfo=dt.UTC)]


def test_oneof_becomes_an_in_list_of_checked_statuses():
    sql, params = _sql(status="oneof:[completed,failed]")

    assert "things.status IN" in sql
    assert list(params.values()) == [["completed", "failed"]]


def test_contains_ignores_case_and_escapes_wildcards():
    sql, params = _sql(name="contains:50%_off")

    assert "lower(things.name) LIKE" in sql
    assert "ESCAPE '/'" in sql
    assert list(params.values()) == ["50/%/_off"]


def test_not_equals_keeps_rows_without_a_value():
    sql, _ = _sql(name="notequals:x")

    assert sql == "things.name IS NOT ?"


def test_an_id_filter_takes_a_full_id():
    value = uuid.uuid4()

    _, params = _sql(id=str(value))

    assert list(params.values()) == [value]


def test_unset_filters_are_ignored():
    statement = select(things.c.id).where(
        *where_clauses(LISTING, ListQuery(filters={"name": None}))
    )

    assert "WHERE" not in str(statement)


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"colour": "red"}, "Cannot filter things by 'colour'. Filter by one of: created, id,"),
        ({"version": "ten"}, "Filter on 'version' needs a whole number, got 'ten'"),
        ({"id": "abc"}, "Filter on 'id' needs a full id such as"),
        ({"status": "done"}, "unknown status 'done'. Use one of: initializing, running,"),
        ({"created": "contains:2026"}, "cannot use 'contains:'; with a datetime use one of"),
        ({"name": "oneof:completed"}, "Write it as 'oneof:\\[a,b\\]'"),
    ],
)
def test_a_malformed_filter_says_what_to_write_instead(filters, message):
    with pytest.raises(FilterError, match=message):
        where_clauses(LISTING, ListQuery(filters=filters))


def test_metadata_filters_need_a_listing_that_supports_them():
    with pytest.raises(FilterError, match="Things cannot be filtered by metadata"):
        where_clauses(LISTING, ListQuery(metadata={"accuracy": "gte:0.9"}))


def test_sorting_adds_the_id_as_tiebreaker_in_the_same_direction():
    statement = select(things.c.id).order_by(*order_by(LISTING, "desc:name"))

    assert str(statement).endswith("ORDER BY things.name DESC NULLS LAST, things.id DESC")


def test_an_unsortable_field_lists_the_sortable_ones():
    with pytest.raises(
        FilterError, match=r"Cannot sort by 'version'\. Sort by one of: created, name"
    ):
        order_by(LISTING, "asc:version")


def test_the_page_window_counts_pages_from_one():
    assert page_window(ListQuery(index=3, size=20)) == (20, 40)


def test_a_datetime_filter_accepts_datetimes_and_iso_text_with_a_zone():
    aware = dt.datetime(2026, 1, 1, 8, tzinfo=dt.UTC)

    assert parse_datetime("created", aware) == aware
    assert parse_datetime("created", "2026-01-01T10:00:00+02:00") == aware


def test_a_listing_that_differs_from_its_declaration_is_refused():
    with pytest.raises(AssertionError, match=r"things differs .* filters \['version'\]"):
        Listing(
            declared=THINGS,
            filters={k: v for k, v in LISTING.filters.items() if k != "version"},
            sort_columns=LISTING.sort_columns,
            id_column=things.c.id,
        )
