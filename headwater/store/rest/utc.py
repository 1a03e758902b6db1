"""Times read from JSON come back as `datetime.UTC`, like the SQL store's.

Pydantic parses '+00:00' into its own fixed-offset zone; the store contract promises the
standard library's UTC, which callers may compare by identity.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound=BaseModel)


def in_utc(model: ModelT) -> ModelT:
    """`model` with every datetime in it (nested models included) in `datetime.UTC`."""
    changes = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        converted = _converted(value)
        if converted is not value:
            changes[name] = converted
    return model.model_copy(update=changes) if changes else model


def _converted(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC) if value.tzinfo is not None else value
    if isinstance(value, BaseModel):
        return in_utc(value)
    if isinstance(value, tuple | list) and value and isinstance(value[0], BaseModel | dt.datetime):
        return type(value)(_converted(item) for item in value)
    if isinstance(value, dict) and value:
        first = next(iter(value.values()))
        if isinstance(first, BaseModel | dt.datetime):
            return {key: _converted(item) for key, item in value.items()}
    return value


def parse_model(model_type: type[ModelT], body: Any) -> ModelT:
    """Validate a JSON body as `model_type`, with its times in `datetime.UTC`."""
    return in_utc(model_type.model_validate(body))
