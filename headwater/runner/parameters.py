"""Turning recorded parameter values back into what the step function expects.

A pydantic model, UUID, datetime, path or enum parameter is recorded as JSON; a step
executed from its spec alone (in another process) gets the value rebuilt from the
function's annotation, by pydantic, as ZenML does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from headwater.compiler.signature import read_signature


def prepare_parameters(
    function: Callable[..., Any], parameters: Mapping[str, Any]
) -> dict[str, Any]:
    """Parameters ready to pass to `function`: JSON forms become the types it annotates
    (a value already of its type, or under another annotation, passes unchanged)."""
    signature = read_signature(function)
    prepared: dict[str, Any] = {}
    for name, value in parameters.items():
        parameter = signature.parameter(name)
        annotation = parameter.annotation if parameter else None
        prepared[name] = _rebuild(annotation, value)
    return prepared


# JSON's own types pass as recorded: an int stays an int under a `float` annotation.
_JSON_TYPES = (bool, int, float, str, dict, list, tuple)


def _rebuild(annotation: Any, value: Any) -> Any:
    if (
        not isinstance(annotation, type)
        or annotation in _JSON_TYPES
        or isinstance(value, annotation)
    ):
        return value
    try:
        return TypeAdapter(annotation).validate_python(value)
    except (ValidationError, TypeError, ValueError):
        return value  # the function gets what was recorded; its own checks speak
