"""Marker types that give a metadata value a meaning beyond its Python type.

`log_metadata({"data": Uri("s3://bucket/x"), "size": StorageSize(2048)})` keeps the
value's kind through the store, so a dashboard can show a link or "2.0 KiB".
"""

from __future__ import annotations


class Uri(str):
    """A URI, such as `s3://bucket/key` or `https://...`."""

    __slots__ = ()


class Path(str):
    """A filesystem path."""

    __slots__ = ()


class StorageSize(int):
    """A size in bytes."""

    __slots__ = ()
