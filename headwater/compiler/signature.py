"""Reading a step function's signature: its parameters and its named outputs.

`-> float` is one output named `output`; `-> tuple[Annotated[A, "x"], B]` is two outputs
named `x` and `output_1`; `-> None` is none. As in ZenML, a name given in `Annotated` is
also the artifact's name (`x`), and an unnamed output's artifact is `step.output_1`.
`ArtifactConfig` inside `Annotated` names and tags the artifact.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Any, get_args, get_origin

from headwater.compiler.artifact_config import ArtifactConfig
from headwater.errors import DefinitionError

SINGLE_OUTPUT_NAME = "output"


@dataclass(frozen=True, slots=True)
class ParameterSignature:
    """One parameter of a step function."""

    name: str
    # A user type (or Any when unannotated).
    annotation: Any
    has_default: bool
    # The user's default value, when there is one.
    default: Any


@dataclass(frozen=True, slots=True)
class OutputSignature:
    """One output a step function returns."""

    name: str
    # A user type (or Any when unannotated).
    annotation: Any
    artifact_name: str | None
    tags: tuple[str, ...]
    artifact_type: str = "data"
    # Metadata every version gets (ArtifactConfig's run_metadata and version).
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StepSignature:
    """Everything the compiler needs to know about a step function's shape."""

    parameters: tuple[ParameterSignature, ...]
    outputs: tuple[OutputSignature, ...]
    accepts_var_keyword: bool

    def parameter(self, name: str) -> ParameterSignature | None:
        """The parameter called `name`, if the function has one."""
        return next((p for p in self.parameters if p.name == name), None)


@lru_cache(maxsize=4096)
def read_signature(function: Callable[..., Any]) -> StepSignature:
    """Read (once per function) the parameters and outputs of a step function.

    Raises:
        DefinitionError: an annotation cannot be resolved, or outputs are named twice.
    """
    hints = _type_hints(function)
    signature = inspect.signature(function)
    parameters = tuple(
        ParameterSignature(
            name=p.name,
            annotation=hints.get(p.name, Any),
            has_default=p.default is not inspect.Parameter.empty,
            default=None if p.default is inspect.Parameter.empty else p.default,
        )
        for p in signature.parameters.values()
        if p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    )
    has_return_hint = "return" in hints
    outputs = _read_outputs(function, hints.get("return", Any), has_return_hint)
    accepts_var_keyword = any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values()
    )
    return StepSignature(parameters, outputs, accepts_var_keyword)


def _type_hints(function: Callable[..., Any]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(function, include_extras=True)
    except Exception as exc:  # a NameError or TypeError from evaluating user annotations
        raise DefinitionError(
            f"Cannot read the type annotations of step '{function.__name__}': {exc}. Make "
            f"sure every type it names is imported in '{function.__module__}'."
        ) from exc


def _read_outputs(
    function: Callable[..., Any], annotation: Any, has_return_hint: bool
) -> tuple[OutputSignature, ...]:
    if has_return_hint and annotation is type(None):
        return ()
    if get_origin(annotation) is tuple and not _is_annotated(annotation):
        members = get_args(annotation)
        if members and members[-1] is not Ellipsis:
            outputs = tuple(
                _read_output(member, f"{SINGLE_OUTPUT_NAME}_{index}")
                for index, member in enumerate(members)
            )
            _check_unique_names(function, outputs)
            return outputs
    return (_read_output(annotation, SINGLE_OUTPUT_NAME),)


def _read_output(annotation: Any, default_name: str) -> OutputSignature:
    if not _is_annotated(annotation):
        return OutputSignature(default_name, annotation, None, ())
    base, *extras = get_args(annotation)
    name: str = default_name
    artifact_name: str | None = None
    tags: tuple[str, ...] = ()
    artifact_type = "data"
    metadata: dict[str, Any] = {}
    for extra in extras:
        if isinstance(extra, str):
            name = extra
            artifact_name = artifact_name or extra  # ZenML: the artifact is called so
        elif isinstance(extra, ArtifactConfig):
            artifact_name = extra.name
            name = extra.name or name
            tags = tuple(extra.tags)
            artifact_type = extra.kind
            metadata = extra.metadata
    return OutputSignature(name, base, artifact_name, tags, artifact_type, metadata)


def _is_annotated(annotation: Any) -> bool:
    return get_origin(annotation) is Annotated


def _check_unique_names(function: Callable[..., Any], outputs: tuple[OutputSignature, ...]) -> None:
    names = [o.name for o in outputs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DefinitionError(
            f"Step '{function.__name__}' names more than one output "
            f"{', '.join(repr(d) for d in duplicates)}. Give each output in its "
            f"tuple[Annotated[...], ...] return type a different name."
        )
