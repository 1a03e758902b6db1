"""Parsing of ZenML-style list filters (`"gte:0.9"`, `"oneof:[a,b]"`) and sort keys.

Pure functions: the SQL store turns the parsed `Condition`s into WHERE clauses.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from headwater.errors import FilterError


class Operator(StrEnum):
    """Comparison operators a filter value may start with."""

    EQUALS = "equals"
    NOT_EQUALS = "notequals"
    CONTAINS = "contains"
    STARTS_WITH = "startswith"
    ENDS_WITH = "endswith"
    GT = "gt"
    GTE = "gte"
    LT = "lt"
    LTE = "lte"
    ONE_OF = "oneof"


@dataclass(frozen=True, slots=True)
class Condition:
    """One parsed filter: `field <op> value`; `value` is a list for `oneof`."""

    field: str
    operator: Operator
    # User values pass through here untyped until a column gives them a type.
    value: Any


@dataclass(frozen=True, slots=True)
class SortKey:
    """A parsed `sort_by` such as `desc:created`."""

    field: str
    descending: bool


class ListQuery(BaseModel):
    """What a list call asks for: filters in `op:value` form, sort order and page."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Field name -> filter string ("completed", "gte:0.9", "oneof:[a,b]") or plain value.
    filters: dict[str, Any] = Field(default_factory=dict)
    # Metadata key -> filter string, for runs filtered by their metadata.
    metadata: dict[str, Any] = Field(default_factory=dict)
    # A filter-language expression over metadata (`store/filter_language.py`), such as
    # `accuracy >= 0.9 and exists(loss)`; it must hold beside `filters` and `metadata`.
    where: str | None = None
    sort_by: str = "desc:created"
    index: int = Field(default=1, ge=1)
    size: int = Field(default=20, ge=1, le=10_000)
    # Only rows of these projects (None: every project). Set by the server from what the
    # caller may read, never sent over the API.
    project_ids: tuple[uuid.UUID, ...] | None = None


def parse_condition(field: str, raw: Any) -> Condition:
    """Parse one filter value; a value without a known `op:` prefix means equality."""
    if not isinstance(raw, str):
        return Condition(field, Operator.EQUALS, raw)
    prefix, separator, rest = raw.partition(":")
    if not separator or prefix not in Operator.__members__.values():
        return Condition(field, Operator.EQUALS, raw)
    operator = Operator(prefix)
    if operator is Operator.ONE_OF:
        return Condition(field, operator, _parse_list(field, rest))
    return Condition(field, operator, rest)


def parse_conditions(filters: dict[str, Any]) -> list[Condition]:
    """Parse every filter, skipping `None` values (an unset keyword argument)."""
    return [parse_condition(name, raw) for name, raw in filters.items() if raw is not None]


# `desc:metadata.accuracy` sorts by a metadata key, where the entity carries metadata.
METADATA_SORT_PREFIX = "metadata."


def parse_sort(sort_by: str, allowed: frozenset[str], *, by_metadata: bool = False) -> SortKey:
    """Parse `asc:field` / `desc:field` / `field`, checking the field is sortable.

    With `by_metadata`, `metadata.<key>` is sortable too (its `field` keeps the prefix).
    """
    direction, separator, field = sort_by.partition(":")
    if not separator:
        direction, field = "asc", direction
    if direction not in ("asc", "desc"):
        raise FilterError(
            f"Sort order '{sort_by}' must start with 'asc:' or 'desc:', for example 'desc:created'."
        )
    is_metadata = by_metadata and len(field) > len(METADATA_SORT_PREFIX)
    if field not in allowed and not (is_metadata and field.startswith(METADATA_SORT_PREFIX)):
        choices = sorted(allowed) + ([f"{METADATA_SORT_PREFIX}<key>"] if by_metadata else [])
        raise FilterError(f"Cannot sort by '{field}'. Sort by one of: {', '.join(choices)}.")
    return SortKey(field, descending=direction == "desc")


def _parse_list(field: str, text: str) -> list[Any]:
    stripped = text.strip()
    if not (stripped.startswith("[") and stripped.endswith("]")):
        raise FilterError(
            f"Filter on '{field}' uses 'oneof:' with '{text}', which is not a list. "
            f"Write it as 'oneof:[a,b]'."
        )
    try:
        parsed = json.loads(stripped)
    except json.JSONDecodeError:
        # Unquoted items such as [completed,cached] are the common, friendly form.
        return [item.strip().strip("'\"") for item in stripped[1:-1].split(",") if item.strip()]
    if not isinstance(parsed, list):
        raise FilterError(f"Filter on '{field}' needs a list after 'oneof:', got '{text}'.")
    return parsed
