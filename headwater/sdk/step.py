"""`@step`: marks a plain function as a pipeline step, recording its options only."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from headwater.compiler.recording import current_recorder

if TYPE_CHECKING:
    from headwater.sdk.model import Model


@dataclass(frozen=True, slots=True)
class StepOptions:
    """The options a step was decorated (or re-configured) with; `None` means unset."""

    name: str | None = None
    enable_cache: bool | None = None
    # One materializer class for every output, or one per output name.
    output_materializers: type | Mapping[str, type] | None = None
    # A cache salt: change it to invalidate cached results of this step (JSON-able).
    extra: Any = None
    # The model this step's outputs are linked to; overrides the pipeline's.
    model: Model | None = None
    # Per-component settings, e.g. {"orchestrator": RaySettings(num_cpus=2)}.
    settings: Mapping[str, Any] | None = None
    # How many times a failed attempt is run again (each attempt is its own step run).
    retries: int = 0


class Step:
    """A step: a plain function plus options. Called inside a pipeline it records an
    invocation; called anywhere else it is the plain function."""

    def __init__(self, entrypoint: Callable[..., Any], options: StepOptions) -> None:
        self.entrypoint = entrypoint
        self.options = options
        functools.update_wrapper(self, entrypoint)

    @property
    def name(self) -> str:
        """The step's name in a pipeline (before numbering repeated uses)."""
        return self.options.name or self.entrypoint.__name__

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        recorder = current_recorder()
        if recorder is None:
            return self.entrypoint(*args, **kwargs)
        return recorder.record(self, args, kwargs)

    def with_options(self, **changes: Any) -> Step:
        """A copy of this step with some options changed, e.g. `enable_cache=False`.

        Raises:
            TypeError: an option name is unknown.
        """
        return Step(self.entrypoint, dataclasses.replace(self.options, **changes))

    def __repr__(self) -> str:
        return f"<step '{self.name}'>"


@overload
def step(function: Callable[..., Any], /) -> Step: ...


@overload
def step(
    *,
    name: str | None = None,
    enable_cache: bool | None = None,
    output_materializers: type | Mapping[str, type] | None = None,
    extra: Any = None,
    model: Model | None = None,
    settings: Mapping[str, Any] | None = None,
    retries: int = 0,
) -> Callable[[Callable[..., Any]], Step]: ...


def step(
    function: Callable[..., Any] | None = None,
    /,
    *,
    name: str | None = None,
    enable_cache: bool | None = None,
    output_materializers: type | Mapping[str, type] | None = None,
    extra: Any = None,
    model: Model | None = None,
    settings: Mapping[str, Any] | None = None,
    retries: int = 0,
) -> Step | Callable[[Callable[..., Any]], Step]:
    """Turn a function into a step, with or without options.

    Example:
        ```python
        @step(enable_cache=False)
        def train(X: np.ndarray, gamma: float = 0.001) -> float: ...
        ```

    Args:
        function: The function, when used as a bare `@step`.
        name: The step's name in pipelines; defaults to the function's name.
        enable_cache: Whether a run may reuse this step's earlier outputs. Unset means
            the pipeline decides (and caching is on by default).
        output_materializers: A materializer class for all outputs, or a mapping from
            output name to materializer class.
        extra: A JSON-able cache salt: changing it invalidates cached results.
        model: A `Model` its outputs are linked to, instead of the pipeline's.
        settings: Settings per stack component, such as `{"orchestrator":
            RaySettings(num_cpus=2)}` (a pydantic model or a dict); the component's
            flavor reads its own and ignores the others.
        retries: How many times a failed attempt runs again; every attempt is recorded.

    Returns:
        The step, or a decorator that makes one.
    """
    options = StepOptions(name, enable_cache, output_materializers, extra, model, settings, retries)
    if function is not None:
        return Step(function, options)
    return lambda entrypoint: Step(entrypoint, options)
