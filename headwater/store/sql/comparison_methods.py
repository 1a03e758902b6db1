"""The comparison's call of `SqlStore`: the step runs of compared runs, read narrowly.

A mixin so `store.py` stays about the engines and transactions.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from headwater.store.collection_pause import collection_paused
from headwater.store.sql import compared_steps

if TYPE_CHECKING:
    import uuid
    from collections.abc import Sequence

    from sqlalchemy.engine import Connection

    from headwater.store.compared_steps import ComparedStep


class SqlComparisonMethods:
    """`Store`'s comparison reader on SQL; mixed into `SqlStore`, which gives the reads."""

    _read: Callable[[], AbstractContextManager[Connection]]

    def read_compared_steps(self, run_ids: Sequence[uuid.UUID]) -> list[ComparedStep]:
        """See `Store.read_compared_steps`."""
        # 100 runs x 500 keys decode 50,000 values: no cyclic collection meanwhile.
        with collection_paused(), self._read() as connection:
            return compared_steps.read_compared_steps(connection, run_ids)
