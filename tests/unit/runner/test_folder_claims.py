"""One claim for the folders of all a run's steps: held until the run ends, renewed when old."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from headwater.runner.folder_claims import RunFolderClaim
from headwater.store.base import Store
from headwater.store.factory import open_store
from tests.store_contract.records import a_run, an_output, end_run, record_step


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'claims.db'}")
    yield opened
    opened.close()


def _an_unused_folder(store: Store) -> str:
    gone = store.create_run(a_run())
    orphan = record_step(store, gone, "train", an_output("model"))
    store.delete_run(end_run(store, gone).id)
    return store.get_artifact_version(orphan.outputs["model"]).uri


def _free_uris(store: Store) -> set[str]:
    return set(store.prune_artifact_versions(dry_run=True, only_versions=True).unreferenced_uris)


def test_a_steps_folder_stays_claimed_after_the_step_until_the_run_releases(store):
    uri = _an_unused_folder(store)
    claims = RunFolderClaim(store)
    with claims.step() as claim:
        claim.add([uri])

    kept = _free_uris(store)
    claims.release()
    freed = _free_uris(store)

    assert kept == set()
    assert freed == {uri}


def test_steps_of_one_run_share_one_claim(store):
    claims = RunFolderClaim(store)

    with claims.step() as first:
        first.add([_an_unused_folder(store)])
    with claims.step() as second:
        second.add([_an_unused_folder(store)])

    assert first is second


def test_an_old_claim_is_renewed_and_released_at_the_next_step(store):
    early, late = _an_unused_folder(store), _an_unused_folder(store)
    clock = Clock()
    claims = RunFolderClaim(store, longest_seconds=10.0, clock=clock)
    with claims.step() as claim:
        claim.add([early])
    clock.now = 11.0

    with claims.step() as renewed:
        renewed.add([late])
        free_inside = _free_uris(store)
    claims.release()

    assert renewed is not claim
    assert free_inside == {early}
    assert _free_uris(store) == {early, late}


def test_an_old_claim_a_step_still_uses_is_released_when_that_step_leaves(store):
    early, late = _an_unused_folder(store), _an_unused_folder(store)
    clock = Clock()
    claims = RunFolderClaim(store, longest_seconds=10.0, clock=clock)
    with claims.step() as long_step:
        long_step.add([early])
        clock.now = 11.0
        with claims.step() as other:  # a step of another thread starts meanwhile
            other.add([late])
        free_while_the_long_step_saves = _free_uris(store)
    free_after = _free_uris(store)

    assert other is not long_step
    assert free_while_the_long_step_saves == set()
    assert free_after == {early}
