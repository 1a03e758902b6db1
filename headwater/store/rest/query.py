"""A `ListQuery` as the query parameters the server's list routes take."""

from __future__ import annotations

import datetime as dt
from typing import Any

from headwater.store.filters import ListQuery
from headwater.store.models import Page


def list_params(query: ListQuery) -> list[tuple[str, str]]:
    """Filters as `name=op:value`, metadata as repeated `metadata=key:op:value`, the
    `where` expression as typed, paging."""
    params = [("sort_by", query.sort_by), ("page", str(query.index)), ("size", str(query.size))]
    for name, value in query.filters.items():
        # A list of filters on one field repeats the parameter; all of them must hold.
        for one in value if isinstance(value, list | tuple) else [value]:
            if one is not None:
                params.append((name, _text(one)))
    params += [
        ("metadata", f"{key}:{_text(value)}")
        for key, value in query.metadata.items()
        if value is not None
    ]
    if query.where is not None:
        params.append(("where", query.where))
    return params


def page_from(body: dict[str, Any], items: tuple[Any, ...]) -> Page[Any]:
    """A store page from the server's page body and its parsed items."""
    return Page(items=items, index=body["index"], size=body["size"], total=body["total"])


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)
