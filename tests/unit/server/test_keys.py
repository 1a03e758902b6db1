"""API keys: `hwk_<id>_<secret>`, read back, and checked against the stored hash."""

from __future__ import annotations

from headwater.server.keys import hash_secret, make_key, read_key, secret_matches


def test_a_made_key_reads_back_as_its_id_and_secret():
    key = make_key()

    assert read_key(key.raw) == (key.id, key.secret)


def test_only_the_right_secret_matches_the_stored_hash():
    key = make_key()

    assert secret_matches(key.secret_hash, key.secret)
    assert not secret_matches(key.secret_hash, key.secret + "x")
    assert key.secret not in key.secret_hash
    assert hash_secret(key.secret) == key.secret_hash


def test_text_that_is_not_a_key_reads_as_none():
    assert [read_key(t) for t in ("", "hwk_", "hwk_abc_def", "x.y", "hwk_" + "g" * 32 + "_s")] == [
        None
    ] * 5
