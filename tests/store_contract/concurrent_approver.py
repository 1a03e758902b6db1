"""A worker process that approves one request (see test_model_approval_concurrency.py).

Usage: python -m tests.store_contract.concurrent_approver STORE_URL REQUEST_ID USER READY GO

Writes `vote: counted` or `vote: refused` to stderr.
"""

from __future__ import annotations

import sys
import uuid

from headwater.errors import ApprovalError
from headwater.store.factory import open_store
from headwater.store.model_approvals import VoteCreate
from tests.store_contract.processes import wait_for_go


def main(url: str, request_id: str, user: str, ready: str, go: str) -> None:
    """Approve the request the moment every worker may start."""
    store = open_store(url)
    vote = VoteCreate(approve=True, comment=f"approved by {user}", user_name=user)
    wait_for_go(ready, go)
    try:
        store.vote_on_approval_request(uuid.UUID(request_id), vote)
        sys.stderr.write("vote: counted\n")
    except ApprovalError:
        sys.stderr.write("vote: refused\n")
    finally:
        store.close()


if __name__ == "__main__":
    url, request_id, user, ready, go = sys.argv[1:]
    main(url, request_id, user, ready, go)
