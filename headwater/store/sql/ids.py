"""Ids for new rows: UUID version 7, which starts with the creation time in milliseconds.

Random (version 4) ids scatter every insert across every index, so each commit dirties
pages all over the file and each SQLite checkpoint has more to copy and sync; time-ordered
ids append at the end of their indexes instead. They are still UUIDs to every reader.
"""

from __future__ import annotations

import os
import time
import uuid

_VERSION_7 = 0x7 << 76
_VARIANT_RFC_4122 = 0b10 << 62
_RANDOM_A_MASK = (1 << 12) - 1
_RANDOM_B_MASK = (1 << 62) - 1


def new_id() -> uuid.UUID:
    """A fresh time-ordered UUID (version 7, RFC 9562)."""
    milliseconds = time.time_ns() // 1_000_000
    random_bits = int.from_bytes(os.urandom(10), "big")
    value = (
        (milliseconds & ((1 << 48) - 1)) << 80
        | _VERSION_7
        | ((random_bits >> 62) & _RANDOM_A_MASK) << 64
        | _VARIANT_RFC_4122
        | (random_bits & _RANDOM_B_MASK)
    )
    return uuid.UUID(int=value)
