"""`collection_paused`: overlapping pauses resume collection once, only if it was on."""

from __future__ import annotations

import gc

from headwater.store.collection_pause import collection_paused


def test_collection_resumes_when_the_last_overlapping_pause_ends():
    assert gc.isenabled()
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_leaves_collection_off_when_it_was_off():
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
