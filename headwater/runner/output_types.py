"""Checking what a step returned against the output types its annotation declares.

A step declared `-> int` that returns a `str` fails at once, naming the output and both
types, instead of storing the value for a downstream step to trip over. What a check
accepts:

- `float` accepts an `int`, and numbers follow the `numbers` tower (`int` is
  `numbers.Integral`, `float` `numbers.Real`), so NumPy scalars pass;
- `Optional[X]` and `X | None` accept None, a union any of its members;
- generics check their origin only: `list[int]` accepts any list;
- `Annotated[X, ...]` checks `X`; a tuple of outputs checks each named output;
- `Any`, no annotation, and types `isinstance` cannot check (type variables, typed
  dicts, protocols that are not runtime-checkable, `Literal`) accept anything.
"""

from __future__ import annotations

import numbers
import types
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Union, get_args, get_origin

from headwater.compiler.signature import read_signature
from headwater.errors import OutputTypeError

# Builtin numbers -> the abstract number they stand for, as PEP 484's numeric tower says.
_NUMBERS: dict[Any, type] = {
    int: numbers.Integral,
    float: numbers.Real,
    complex: numbers.Complex,
}


def declared_output_types(function: Callable[..., Any]) -> dict[str, Any]:
    """Output name -> the type the step function's return annotation declares for it."""
    return {output.name: output.annotation for output in read_signature(function).outputs}


def check_output_types(
    step_name: str, declared: Mapping[str, Any], values: Mapping[str, Any]
) -> None:
    """Check each returned value against its output's declared type.

    Raises:
        OutputTypeError: a value is not of its output's type; the message lists each.
    """
    problems = [
        f"output '{name}' is declared as '{describe_type(declared[name])}' but the step "
        f"returned a '{describe_type(type(value))}'"
        for name, value in values.items()
        if name in declared and not is_allowed(declared[name], value)
    ]
    if problems:
        raise OutputTypeError(
            f"Step '{step_name}' returned a value its return annotation does not allow: "
            f"{'; '.join(problems)}. Return a value of the declared type, or change the "
            f"step's return annotation."
        )


def is_allowed(annotation: Any, value: Any) -> bool:
    """Whether `value` may be returned for an output annotated `annotation`."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return is_allowed(get_args(annotation)[0], value)
    if origin is Union or origin is types.UnionType:
        return any(is_allowed(member, value) for member in get_args(annotation))
    if annotation is None or annotation is type(None):
        return value is None
    supertype = getattr(annotation, "__supertype__", None)
    if supertype is not None:  # a NewType: check what it stands for
        return is_allowed(supertype, value)
    checked = _NUMBERS.get(annotation, origin if origin is not None else annotation)
    if checked is Any or not isinstance(checked, type):
        return True
    try:
        return isinstance(value, checked)
    except TypeError:  # a typed dict or a protocol that is not runtime-checkable
        return True


def describe_type(annotation: Any) -> str:
    """A type as a user wrote it: `int`, `list[int]`, `Optional[str]`, `DataFrame`."""
    if isinstance(annotation, type) and not get_args(annotation):
        return annotation.__qualname__
    return repr(annotation).replace("typing.", "")
