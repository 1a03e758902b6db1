"""Canonical JSON and the hashes built from it (cache keys, spec hashes)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import hashlib
import json
import pathlib
import uuid
from typing import Any

from headwater.errors import NotCanonicalError


def to_json_value(value: Any) -> Any:
    """Return `value` as plain JSON types; pydantic models become their JSON dump, and
    the other values pydantic serialises (UUIDs, datetimes, paths, enums, decimals,
    dataclasses) their JSON form, as ZenML records parameters.

    Raises:
        NotCanonicalError: the value (or something inside it) is not JSON-able.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    model_dump = getattr(value, "model_dump", None)
    if callable(model_dump):
        return model_dump(mode="json")
    return _plain_value(value)


def _plain_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID | pathlib.PurePath | decimal.Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return to_json_value(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_json_value(dataclasses.asdict(value))
    raise NotCanonicalError(type(value).__qualname__)


def canonical_json(value: Any) -> str:
    """Serialize to JSON with sorted keys and no whitespace: equal values, equal text."""
    return json.dumps(to_json_value(value), sort_keys=True, separators=(",", ":"))


def sha256_text(text: str) -> str:
    """Hex SHA-256 of a string's UTF-8 bytes."""
    return hashlib.sha256(text.encode()).hexdigest()
