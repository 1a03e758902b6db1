"""The metadata explorer's calls of `RestStore`: the key catalog and a key's series."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from headwater.store.metadata_catalog import MetadataKey, MetadataSeries
from headwater.store.rest.utc import parse_model

if TYPE_CHECKING:
    from headwater.store.metadata_catalog import MetadataKeyQuery, MetadataSeriesQuery
    from headwater.store.rest.transport import Transport

# Set by the server from the caller, never sent.
_NOT_SENT = frozenset({"project_ids", "project_id"})


class RestMetadataMethods:
    """`Store`'s metadata explorer, each call one request."""

    _http: Transport

    def list_metadata_keys(self, query: MetadataKeyQuery) -> list[MetadataKey]:
        """See `Store.list_metadata_keys`."""
        found = self._http.call("GET", "/metadata/keys", params=_params(query))
        return [parse_model(MetadataKey, item) for item in found]

    def get_metadata_series(self, query: MetadataSeriesQuery) -> MetadataSeries:
        """See `Store.get_metadata_series`."""
        found = self._http.call("GET", "/metadata/series", params=_params(query))
        return parse_model(MetadataSeries, found)


def _params(query: MetadataKeyQuery | MetadataSeriesQuery) -> list[tuple[str, str]]:
    params = [
        (name, _text(value))
        for name, value in query.model_dump().items()
        if value is not None and name not in _NOT_SENT
    ]
    if query.project_id is not None:
        params.append(("project", str(query.project_id)))
    return params


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)
