"""A worker process that makes sure the default stack exists, at a shared moment.

python -m tests.store_contract.default_stack_maker STORE_URL READY_FILE GO_FILE
"""

from __future__ import annotations

import sys

from headwater.stacks.default_stack import ensure_default_stack
from headwater.store.factory import open_store
from tests.store_contract.processes import wait_for_go

if __name__ == "__main__":
    url, ready, go = sys.argv[1:]
    store = open_store(url)
    try:
        wait_for_go(ready, go)
        sys.stdout.write(str(ensure_default_stack(store).id))
    finally:
        store.close()
