"""A worker process that opens a store (migrating it if needed) at a shared moment.

python -m tests.store_contract.schema_opener STORE_URL READY_FILE GO_FILE
"""

from __future__ import annotations

import sys

from headwater.store.factory import open_store
from tests.store_contract.processes import wait_for_go

if __name__ == "__main__":
    url, ready, go = sys.argv[1:]
    wait_for_go(ready, go)
    open_store(url).close()
