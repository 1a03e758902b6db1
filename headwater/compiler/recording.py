"""Recording what a pipeline function does: which steps it calls, with which arguments.

While a pipeline function runs under `recording()`, calling a step records a
`StepInvocation` and returns `OutputHandle`s instead of values. Problems are collected,
not raised, so the compiler can report all of them at once.
"""

from __future__ import annotations

import contextvars
import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from headwater.compiler.signature import read_signature

if TYPE_CHECKING:
    from headwater.sdk.step import Step

_ACTIVE_RECORDER: contextvars.ContextVar[PipelineRecorder | None] = contextvars.ContextVar(
    "headwater_active_recorder", default=None
)


@dataclass(frozen=True, slots=True)
class OutputHandle:
    """Stands for one output of a recorded step invocation until the run makes it."""

    step_name: str
    output_name: str
    recorder_id: int

    def __repr__(self) -> str:
        return f"<output '{self.output_name}' of step '{self.step_name}'>"


@dataclass(frozen=True, slots=True)
class StepInvocation:
    """One call of a step inside a pipeline function."""

    name: str
    step: Step
    # Argument name -> an OutputHandle (an edge) or a literal value (a parameter).
    arguments: dict[str, Any]


@dataclass
class PipelineRecorder:
    """Collects the step invocations (and any wiring problems) of one pipeline call."""

    invocations: list[StepInvocation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    _name_counts: dict[str, int] = field(default_factory=dict)

    def record(self, step: Step, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Record a step call; return one handle, a tuple of handles, or None."""
        name = self._unique_name(step.name)
        try:
            arguments = _bind(step, args, kwargs)
        except TypeError as exc:
            self.problems.append(
                f"Step '{name}' was called with arguments that do not fit its signature "
                f"({exc}). Call it as its function definition says."
            )
            arguments = {}
        self.invocations.append(StepInvocation(name, step, arguments))
        handles = tuple(
            OutputHandle(name, output.name, id(self))
            for output in read_signature(step.entrypoint).outputs
        )
        if not handles:
            return None
        return handles[0] if len(handles) == 1 else handles

    def _unique_name(self, base: str) -> str:
        count = self._name_counts.get(base, 0) + 1
        self._name_counts[base] = count
        return base if count == 1 else f"{base}_{count}"


def _bind(step: Step, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Map call arguments to parameter names; `**kwargs` entries become their own inputs."""
    signature = inspect.signature(step.entrypoint)
    bound = signature.bind_partial(*args, **kwargs)
    arguments: dict[str, Any] = {}
    for name, value in bound.arguments.items():
        kind = signature.parameters[name].kind
        if kind is inspect.Parameter.VAR_KEYWORD:
            arguments.update(value)
        elif kind is inspect.Parameter.VAR_POSITIONAL:
            if value:
                raise TypeError(f"*{name} cannot take inputs; pass them by keyword")
        else:
            arguments[name] = value
    return arguments


def current_recorder() -> PipelineRecorder | None:
    """The recorder of the pipeline function being called right now, if any."""
    return _ACTIVE_RECORDER.get()


@contextmanager
def recording() -> Iterator[PipelineRecorder]:
    """Record step calls made inside the block."""
    recorder = PipelineRecorder()
    token = _ACTIVE_RECORDER.set(recorder)
    try:
        yield recorder
    finally:
        _ACTIVE_RECORDER.reset(token)
