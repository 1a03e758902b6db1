"""A worker process that makes new versions of one model (see test_model_stage_concurrency).

Usage: python -m tests.store_contract.concurrent_versioner STORE_URL COUNT READY GO
"""

from __future__ import annotations

import sys

from headwater.store.factory import open_store
from headwater.store.model_registry import ModelVersionRequest
from tests.store_contract.processes import wait_for_go


def main(url: str, count: int, ready: str, go: str) -> None:
    """Make `count` new versions of model 'iris' the moment every worker may start."""
    store = open_store(url)
    wait_for_go(ready, go)
    try:
        for _ in range(count):
            store.resolve_model_version(ModelVersionRequest(model_name="iris"))
    finally:
        store.close()


if __name__ == "__main__":
    url, count, ready, go = sys.argv[1:]
    main(url, int(count), ready, go)
