"""Typed metadata: Python values to `MetadataEntry`s the store can keep, and back.

An entry's `value` is always plain JSON (datetimes as ISO text, non-finite floats as
`"NaN"` / `"Infinity"`), so every store (SQL, REST) can keep it as is; `decode_value`
restores the Python type the user logged.
"""

from __future__ import annotations

import datetime as dt
import math
import pathlib
from collections.abc import Mapping
from typing import Any, assert_never

from headwater.errors import MetadataError
from headwater.metadata_types import Path, StorageSize, Uri
from headwater.store.models import MetadataEntry, MetadataType
from headwater.store.value_types import INT64_MAX, INT64_MIN

_ACCEPTED = "int, float, str, bool, dict, list, datetime, Uri, Path or StorageSize"


def encode_metadata(values: dict[str, Any]) -> list[MetadataEntry]:
    """Turn user values into typed entries, checking every one first.

    Raises:
        MetadataError: a key is not a string or a value has no metadata type; the
            message lists every such entry.
    """
    entries: list[MetadataEntry] = []
    problems: list[str] = []
    for key, value in values.items():
        if not isinstance(key, str) or not key:
            problems.append(f"key {key!r} is not a non-empty string")
            continue
        try:
            entries.append(_encode_value(key, value))
        except MetadataError as exc:
            problems.append(str(exc))
    if problems:
        raise MetadataError(
            f"Cannot store this metadata: {'; '.join(problems)}. Metadata values must be "
            f"{_ACCEPTED}; convert other values first, for example with str() or float()."
        )
    return entries


def _encode_value(key: str, value: Any) -> MetadataEntry:
    """Type one value; raises `MetadataError` naming the key when it has no type."""
    value = _unwrap_numpy_scalar(value)
    # Order matters: bool is an int, StorageSize an int, Uri and Path are strs.
    if isinstance(value, bool):
        return MetadataEntry(key=key, type=MetadataType.BOOL, value=value)
    if isinstance(value, StorageSize):
        return MetadataEntry(key=key, type=MetadataType.STORAGE_SIZE, value=_int64(key, value))
    if isinstance(value, int):
        return MetadataEntry(key=key, type=MetadataType.INT, value=_int64(key, value))
    if isinstance(value, float):
        return MetadataEntry(key=key, type=MetadataType.FLOAT, value=_encode_float(value))
    if isinstance(value, Uri):
        return MetadataEntry(key=key, type=MetadataType.URI, value=str(value))
    if isinstance(value, Path | pathlib.PurePath):
        return MetadataEntry(key=key, type=MetadataType.PATH, value=str(value))
    if isinstance(value, str):
        return MetadataEntry(key=key, type=MetadataType.STRING, value=value)
    if isinstance(value, dt.datetime):
        return MetadataEntry(key=key, type=MetadataType.DATETIME, value=datetime_text(value))
    if isinstance(value, dict):
        return MetadataEntry(key=key, type=MetadataType.DICT, value=_json(key, value))
    if isinstance(value, list | tuple):
        return MetadataEntry(key=key, type=MetadataType.LIST, value=_json(key, value))
    raise MetadataError(f"'{key}' is a {type(value).__qualname__}")


def decode_metadata(metadata: Mapping[str, MetadataEntry]) -> dict[str, Any]:
    """Key -> value of each entry, with its Python type restored (see `decode_value`)."""
    return {key: decode_value(entry) for key, entry in metadata.items()}


def decode_value(entry: MetadataEntry) -> Any:
    """The value of an entry with its Python type restored (datetime, Uri, ...).

    Returns a user value, so it is typed `Any`.
    """
    return decode_json_value(entry.type, entry.value)


def decode_json_value(kind: MetadataType, value: Any) -> Any:
    """The value an entry of type `kind` holding JSON `value` decodes to (`decode_value`).

    Takes a user value and returns one, so both are typed `Any`.
    """
    match kind:
        case MetadataType.INT:
            return int(value)
        case MetadataType.FLOAT:
            return float(value)
        case MetadataType.STRING:
            return str(value)
        case MetadataType.BOOL:
            return bool(value)
        case MetadataType.DICT:
            return dict(value)
        case MetadataType.LIST:
            return list(value)
        case MetadataType.DATETIME:
            return parse_datetime_text(value)
        case MetadataType.URI:
            return Uri(value)
        case MetadataType.PATH:
            return Path(value)
        case MetadataType.STORAGE_SIZE:
            return StorageSize(value)
        case _:
            assert_never(kind)


def datetime_text(value: dt.datetime) -> str:
    """Fixed-width ISO text in UTC, so text order is time order (naive means local)."""
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def parse_datetime_text(value: str | dt.datetime) -> dt.datetime:
    """A timezone-aware UTC datetime from ISO text (or a datetime already)."""
    parsed = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _int64(key: str, value: int) -> int:
    # Metadata integers are kept in 64-bit columns (and compared there by filters).
    if not INT64_MIN <= value <= INT64_MAX:
        raise MetadataError(
            f"'{key}' is {value}, beyond the 64-bit integers the store keeps (store it as a "
            f"float or a str)"
        )
    return int(value)


def _encode_float(value: float) -> float | str:
    # JSON (and PostgreSQL's jsonb) has no NaN or infinity: keep them as their names.
    if math.isfinite(value):
        return float(value)
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


def _unwrap_numpy_scalar(value: Any) -> Any:
    # numpy.int64 and friends are common in ML code; `.item()` gives the Python value.
    # Duck-typed on the module name so the store never imports numpy.
    item = getattr(value, "item", None)
    if type(value).__module__ == "numpy" and callable(item) and getattr(value, "ndim", 1) == 0:
        return item()
    return value


def _json(key: str, value: Any, path: str = "") -> Any:
    """A copy of a dict or list holding only JSON values, or a MetadataError naming where."""
    value = _unwrap_numpy_scalar(value)
    where = f"'{key}'{path}"
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise MetadataError(f"{where} is {value}, which JSON cannot hold inside a dict or list")
        return value
    if isinstance(value, dict):
        copied: dict[str, Any] = {}
        for item_key, item in value.items():
            if not isinstance(item_key, str):
                raise MetadataError(f"{where} has a key {item_key!r} that is not a string")
            copied[item_key] = _json(key, item, f"{path}[{item_key!r}]")
        return copied
    if isinstance(value, list | tuple):
        return [_json(key, item, f"{path}[{index}]") for index, item in enumerate(value)]
    raise MetadataError(f"{where} holds a {type(value).__qualname__}, which is not JSON")


def normalize_entry(entry: MetadataEntry) -> MetadataEntry:
    """The entry with its value in the plain JSON form `encode_metadata` gives.

    Entries built by hand (say, with a datetime value) are stored like logged ones.

    Raises:
        MetadataError: the value does not fit the entry's type.
    """
    try:
        return _encode_value(entry.key, decode_value(entry))
    except (TypeError, ValueError) as exc:
        raise MetadataError(
            f"Metadata '{entry.key}' says it is a {entry.type} but holds {entry.value!r}. "
            f"Build entries with encode_metadata() so type and value agree."
        ) from exc
