"""A worker process that promotes one model version (see test_model_stage_concurrency.py).

Usage: python -m tests.store_contract.concurrent_promoter STORE_URL VERSION_ID FORCE READY GO

Writes `outcome: applied` or `outcome: refused` to stderr.
"""

from __future__ import annotations

import sys
import uuid

from headwater.errors import StageConflictError
from headwater.store.factory import open_store
from headwater.store.model_registry import ModelStage, StageChange
from tests.store_contract.processes import wait_for_go


def main(url: str, version_id: str, force: bool, ready: str, go: str) -> None:
    """Promote the version to production the moment every worker may start."""
    store = open_store(url)
    change = StageChange(stage=ModelStage.PRODUCTION, force=force, user_name=f"worker-{version_id}")
    wait_for_go(ready, go)
    try:
        store.set_model_version_stage(uuid.UUID(version_id), change)
        sys.stderr.write("outcome: applied\n")
    except StageConflictError:
        sys.stderr.write("outcome: refused\n")
    finally:
        store.close()


if __name__ == "__main__":
    url, version_id, force, ready, go = sys.argv[1:]
    main(url, version_id, force == "force", ready, go)
