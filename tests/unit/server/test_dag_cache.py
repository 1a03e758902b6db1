"""The DAG cache keeps the newest graph of each run, within its byte budget."""

from __future__ import annotations

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
