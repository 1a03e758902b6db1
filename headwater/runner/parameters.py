"""Turning recorded parameter values back into what the step function expects.

A pydantic model parameter is recorded as JSON; a step executed from its spec alone (in
another process) gets the model rebuilt from the function's annotation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel

from headwater.compiler.signature import read_signature


def prepare_parameters(
    function: Callable[..., Any], parameters: Mapping[str, Any]
) -> dict[str, Any]:
    """Parameters ready to pass to `function`: dicts become the pydantic models it expects."""
    signature = read_signature(function)
    prepared: dict[str, Any] = {}
    for name, value in parameters.items():
        parameter = signature.parameter(name)
        annotation = parameter.annotation if parameter else None
        if (
            isinstance(value, dict)
            and isinstance(annotation, type)
            and issubclass(annotation, BaseModel)
        ):
            prepared[name] = annotation.model_validate(value)
        else:
            prepared[name] = value
    return prepared
