"""Time-ordered ids for new rows."""

from __future__ import annotations

import time

from headwater.store.sql.ids import new_id


def test_new_ids_are_version_7_uuids():
    value = new_id()

    assert value.version == 7
    assert value.variant == "specified in RFC 4122"


def test_new_ids_start_with_the_creation_time_in_milliseconds():
    before = time.time_ns() // 1_000_000

    value = new_id()

    after = time.time_ns() // 1_000_000
    assert before <= value.int >> 80 <= after


def test_ids_made_later_sort_later():
    first = new_id()
    time.sleep(0.002)

    second = new_id()

    assert str(first) < str(second)
