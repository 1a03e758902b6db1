"""The DAG cache: a run's graph as JSON bytes, kept until the run has a newer event.

Building and serializing the DAG of a 5,000-step run costs hundreds of milliseconds of
CPU, while the dashboard asks for it on every visit and on every live change. A run's
steps, links and statuses only change together with a new event in the outbox (see
`Store.last_event_id`), so the bytes of its graph are keyed by (run id, newest event id
of the run): a finished run's graph is built once, a running run's once per change. The
run itself (tags and metadata can change without an event) is serialized per request.
Trimming old events only lowers a run's newest id (to 0): one rebuild, never a stale
answer, since every later change gets a higher id than any before it.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

# About thirty 5,000-step runs; the oldest-read graph goes first.
DEFAULT_MAX_BYTES = 128 * 1024 * 1024
# Builds of different runs proceed side by side unless their runs share one of these.
_BUILD_LOCKS = 16


@dataclass(frozen=True, slots=True)
class CachedGraph:
    """The JSON members of a DAG response after `run` (`"steps":...`), and their hash."""

    run_id: uuid.UUID
    event_id: int
    members: bytes
    digest: bytes

    @classmethod
    def of(cls, run_id: uuid.UUID, event_id: int, members: bytes) -> CachedGraph:
        """The graph `members` of `run_id` as of its event `event_id`."""
        digest = hashlib.blake2b(members, digest_size=16).digest()
        return cls(run_id=run_id, event_id=event_id, members=members, digest=digest)

    def etag(self, run_json: bytes) -> str:
        """The strong ETag of the whole response: this graph with that run."""
        whole = hashlib.blake2b(self.digest, digest_size=12)
        whole.update(run_json)
        return f'"{self.event_id}-{whole.hexdigest()}"'

    def body(self, run_json: bytes) -> bytes:
        """The whole response: `{"run": ..., "steps": ..., ...}`."""
        return b'{"run":' + run_json + b"," + self.members + b"}"


class DagCache:
    """The most recently read graphs, at most `max_bytes` of them; safe across threads."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._graphs: OrderedDict[uuid.UUID, CachedGraph] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._build_locks = tuple(threading.Lock() for _ in range(_BUILD_LOCKS))

    def get_or_build(
        self, run_id: uuid.UUID, event_id: int, build: Callable[[], bytes]
    ) -> CachedGraph:
        """The graph of `run_id` as of `event_id`, built with `build` if it is not kept.

        One request builds while the others asking for the same run wait for its answer:
        on each change of a live run every open dashboard asks at once, and N builds of
        a 5,000-step DAG side by side would each take N times as long.
        """
        found = self.get(run_id, event_id)
        if found is not None:
            return found
        with self._build_locks[run_id.int % _BUILD_LOCKS]:
            found = self.get(run_id, event_id)
            if found is not None:
                return found
            return self.put(CachedGraph.of(run_id, event_id, build()))

    def get(self, run_id: uuid.UUID, event_id: int) -> CachedGraph | None:
        """The graph of `run_id` as of `event_id`, if it is kept."""
        with self._lock:
            found = self._graphs.get(run_id)
            if found is None or found.event_id != event_id:
                return None
            self._graphs.move_to_end(run_id)
            return found

    def put(self, graph: CachedGraph) -> CachedGraph:
        """Keep `graph` (replacing an older one of its run) and return it."""
        with self._lock:
            older = self._graphs.get(graph.run_id)
            if older is not None and older.event_id > graph.event_id:
                return graph  # a slower request built an older graph: keep the newer
            if older is not None:
                del self._graphs[graph.run_id]
                self._bytes -= len(older.members)
            if len(graph.members) > self.max_bytes:
                return graph
            self._graphs[graph.run_id] = graph
            self._bytes += len(graph.members)
            while self._bytes > self.max_bytes:
                _, dropped = self._graphs.popitem(last=False)
                self._bytes -= len(dropped.members)
            return graph
