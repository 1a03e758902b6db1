"""The metadata explorer's calls of `SqlStore`: the key catalog and a key's series.

A mixin so `store.py` stays about the engines and transactions.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from headwater.store.sql import metadata_catalog

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from headwater.store.metadata_catalog import (
        MetadataKey,
        MetadataKeyQuery,
        MetadataSeries,
        MetadataSeriesQuery,
    )


class SqlMetadataMethods:
    """`Store`'s metadata explorer on SQL; mixed into `SqlStore`, which gives the reads."""

    _read: Callable[[], AbstractContextManager[Connection]]

    def list_metadata_keys(self, query: MetadataKeyQuery) -> list[MetadataKey]:
        """See `Store.list_metadata_keys`."""
        with self._read() as connection:
            return metadata_catalog.list_metadata_keys(connection, query)

    def get_metadata_series(self, query: MetadataSeriesQuery) -> MetadataSeries:
        """See `Store.get_metadata_series`."""
        with self._read() as connection:
            return metadata_catalog.metadata_series(connection, query)
