"""The DAG cache keeps the newest graph of each run, within its byte budget."""

from __future__ import annotations

import threading
import uuid

from headwater.server.dag_cache import CachedGraph, DagCache


def _graph(run_id: uuid.UUID, event_id: int, size: int = 10) -> CachedGraph:
    return CachedGraph.of(run_id, event_id, b"x" * size)


def test_a_graph_is_found_only_for_the_event_it_was_built_at():
    cache = DagCache()
    run_id = uuid.uuid4()
    cache.put(_graph(run_id, 7))

    assert cache.get(run_id, 7) is not None
    assert cache.get(run_id, 8) is None
    assert cache.get(uuid.uuid4(), 7) is None


def test_the_least_recently_read_graph_goes_first_when_the_budget_is_spent():
    cache = DagCache(max_bytes=25)
    first, second, third = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    cache.put(_graph(first, 1))
    cache.put(_graph(second, 1))
    cache.get(first, 1)

    cache.put(_graph(third, 1))

    assert cache.get(first, 1) is not None
    assert cache.get(second, 1) is None
    assert cache.get(third, 1) is not None


def test_an_older_graph_built_late_does_not_replace_a_newer_one():
    cache = DagCache()
    run_id = uuid.uuid4()
    cache.put(_graph(run_id, 9))

    cache.put(_graph(run_id, 8))

    assert cache.get(run_id, 9) is not None


def test_the_etag_changes_with_the_run_and_with_the_graph():
    run_id = uuid.uuid4()
    graph = CachedGraph.of(run_id, 3, b'"steps":[]')

    assert graph.etag(b"{}") == graph.etag(b"{}")
    assert graph.etag(b"{}") != graph.etag(b'{"tags":["best"]}')
    assert graph.etag(b"{}") != CachedGraph.of(run_id, 3, b'"steps":[1]').etag(b"{}")
    assert graph.body(b"{}") == b'{"run":{},"steps":[]}'


class _CountingCache(DagCache):
    """A cache that lets a test wait until every thread has looked once."""

    def __init__(self) -> None:
        super().__init__()
        self.looks = threading.Semaphore(0)

    def get(self, run_id: uuid.UUID, event_id: int) -> CachedGraph | None:
        self.looks.release()
        return super().get(run_id, event_id)


def test_requests_for_one_run_at_once_build_its_graph_once():
    cache = _CountingCache()
    run_id = uuid.uuid4()
    builds = []

    def build() -> bytes:
        builds.append(1)
        # This thread looked twice (before and after taking the build lock); the other
        # three have all missed the cache once before this build may end.
        for _ in range(5):
            assert cache.looks.acquire(timeout=30)
        return b'"steps":[]'

    threads = [
        threading.Thread(target=cache.get_or_build, args=(run_id, 1, build)) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert builds == [1]
    assert cache.get(run_id, 1) is not None
