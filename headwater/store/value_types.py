"""Bounded value types for what writers hand the store: what every database can keep.

A request model says `name: Name` or `size_bytes: Int64` instead of a bare `str` or
`int`, so a value SQLite and PostgreSQL would keep differently (or refuse) is refused
as the caller's mistake, the same way on every store, before any database sees it. The
bounds are in the OpenAPI schema too.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
# The length of every name column (runs, pipelines, steps, artifacts, models, keys).
NAME_LENGTH = 255


def refuse_nul(text: str) -> str:
    """`text` as it is, or a ValueError: no database keeps NUL characters in text."""
    if "\x00" in text:
        raise ValueError("must not contain a NUL character (\\x00); remove it")
    return text


# An integer the 64-bit integer columns of every database hold.
Int64 = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]
# A count or size: from 0 to the largest 64-bit integer.
Count64 = Annotated[int, Field(ge=0, le=INT64_MAX)]
# A real number; NaN and infinities have no JSON form.
FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]
# The name of an entity: 1 to 255 characters, no NUL.
Name = Annotated[
    str, StringConstraints(min_length=1, max_length=NAME_LENGTH), AfterValidator(refuse_nul)
]
# Free text (descriptions, source code, URIs): any length, no NUL.
Text = Annotated[str, AfterValidator(refuse_nul)]
