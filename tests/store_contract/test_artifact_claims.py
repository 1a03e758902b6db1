"""Claims on byte folders: a prune keeps what a save claimed, a save waits for a prune.

On every backend (SQLite, PostgreSQL, REST) since the database is what writers and
pruners on any artifact store and any machine share (`sql/artifact_claims.py`).
"""

from __future__ import annotations

import datetime as dt
import uuid

from headwater.store.models import utc_now
from headwater.store.sql import artifact_claims
from headwater.store.sql.local_store import LocalSqliteStore
from headwater.store.sql.recording import claims
from headwater.store.sql.schema import artifact_claims as claims_table
from tests.store_contract.records import a_run, an_output, end_run, record_step


def _an_unused_folder(store) -> str:
    gone = store.create_run(a_run())
    orphan = record_step(store, gone, "train", an_output("model"))
    store.delete_run(end_run(store, gone).id)
    return store.get_artifact_version(orphan.outputs["model"]).uri


def test_a_prune_keeps_what_a_save_has_claimed_and_takes_it_once_released(store):
    uri = _an_unused_folder(store)
    save = uuid.uuid4()
    assert store.claim_artifact_uris(save, [uri]) is True

    dry = store.prune_artifact_versions(dry_run=True, only_versions=True)
    kept = store.prune_artifact_versions(dry_run=False, only_versions=True)
    store.release_artifact_claim(save)
    taken = store.prune_artifact_versions(dry_run=False, only_versions=True)

    assert (dry.versions, dry.unreferenced_uris) == ((), ())
    # The version stays too: a cached step may be about to reuse it.
    assert (kept.versions, kept.unreferenced_uris, kept.claim_id) == ((), (), None)
    assert [v.uri for v in taken.versions] == [uri]
    assert taken.unreferenced_uris == (uri,)


def test_a_save_claim_is_refused_while_a_prune_deletes_the_folder(store):
    uri = _an_unused_folder(store)
    prune = store.prune_artifact_versions(dry_run=False, only_versions=True)
    assert prune.unreferenced_uris == (uri,)
    assert prune.claim_id is not None

    refused = store.claim_artifact_uris(uuid.uuid4(), [uri, "elsewhere"])
    store.release_artifact_claim(prune.claim_id)
    granted = store.claim_artifact_uris(uuid.uuid4(), [uri])

    assert refused is False
    assert granted is True


def test_claiming_again_adds_uris_and_a_release_frees_all_of_them(store):
    first, second = _an_unused_folder(store), _an_unused_folder(store)
    save = uuid.uuid4()
    assert store.claim_artifact_uris(save, [first])
    assert store.claim_artifact_uris(save, [first, second])  # twice the same URI is fine

    kept = store.prune_artifact_versions(dry_run=True, only_versions=True)
    store.release_artifact_claim(save)
    store.release_artifact_claim(uuid.uuid4())  # an unknown claim is fine
    freed = store.prune_artifact_versions(dry_run=True, only_versions=True)

    assert kept.unreferenced_uris == ()
    assert set(freed.unreferenced_uris) == {first, second}


def test_claims_of_killed_holders_expire(sql_store):
    full = sql_store.full_store() if isinstance(sql_store, LocalSqliteStore) else sql_store
    engine = full._engines.writes
    now = utc_now()
    long_ago = now - dt.timedelta(seconds=claims.SAVE_CLAIM_SECONDS + 1)
    with engine.begin() as connection:
        assert claims.claim_for_save(connection, uuid.uuid4(), ["a", "b"], long_ago)
        claims.claim_for_save(connection, uuid.uuid4(), ["b"], now)
        claim_id, free = artifact_claims.claim_for_prune(connection, ["a", "b"], now, dry_run=False)
        assert free == {"a"}  # the live claim on "b" holds, the killed one on "a" not
        assert claim_id is not None
        assert not claims.claim_for_save(connection, uuid.uuid4(), ["a"], now)
        later = now + dt.timedelta(seconds=claims.PRUNE_CLAIM_SECONDS + 1)
        assert claims.claim_for_save(connection, uuid.uuid4(), ["a"], later)
        artifact_claims.claim_for_prune(connection, [], later + dt.timedelta(days=1), dry_run=False)
        left = connection.execute(claims_table.select()).all()
        assert left == []  # the next prune removes every expired claim
