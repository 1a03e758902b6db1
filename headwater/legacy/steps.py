"""0.x steps: `BaseStepConfig`, `Output(...)` and a `@step` that makes a step class.

A 0.x step class wraps one modern `Step`. Its function is copied with its annotations
translated (`Output(a=A, b=B)` becomes `tuple[Annotated[A, "a"], Annotated[B, "b"]]`),
so the compiler, the cache key and the runner see an ordinary modern step.
"""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, overload

from pydantic import BaseModel, ValidationError

from headwater.errors import DefinitionError
from headwater.legacy.deprecation import warn_legacy
from headwater.sdk.step import Step, StepOptions


class BaseStepConfig(BaseModel):
    """The parameters of a 0.x step: subclass it and give the step a parameter of it.

    Modern steps take plain parameters (`gamma: float = 0.001`) or any pydantic model.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        warn_legacy(
            "BaseStepConfig",
            "plain step parameters with defaults (e.g. `gamma: float = 0.001`) or a pydantic "
            "BaseModel parameter",
        )


BaseParameters = BaseStepConfig


class Output:
    """Several named outputs of a 0.x step: `-> Output(X_train=np.ndarray, y=np.ndarray)`."""

    def __init__(self, **outputs: Any) -> None:
        warn_legacy("Output(...)", "`-> tuple[Annotated[A, 'a'], Annotated[B, 'b']]`")
        self.outputs: tuple[tuple[str, Any], ...] = tuple(outputs.items())

    def as_annotation(self) -> Any:
        """The modern return annotation naming the same outputs."""
        members = tuple(Annotated[kind, name] for name, kind in self.outputs)
        if len(members) == 1:
            return members[0]
        return tuple[members]  # type: ignore[valid-type]  # built at run time on purpose

    def __repr__(self) -> str:
        names = ", ".join(
            f"{name}={getattr(kind, '__name__', kind)}" for name, kind in self.outputs
        )
        return f"Output({names})"


@dataclass(frozen=True, slots=True)
class LegacyStepDefinition:
    """What `@step` learned from a 0.x step function."""

    step: Step
    # The parameter that takes the step's BaseStepConfig, if it has one.
    config_name: str | None
    config_type: type[BaseStepConfig] | None
    # The other parameters, in order: the inputs a pipeline passes positionally.
    input_names: tuple[str, ...]


class BaseStep:
    """A 0.x step class made by `@step`: instantiate it (with a config, or defaults) and
    pass the instance to a 0.x pipeline."""

    definition: ClassVar[LegacyStepDefinition]

    def __init__(self, config: BaseStepConfig | None = None, **kwargs: Any) -> None:
        definition = type(self).definition
        if definition.config_name is not None and definition.config_name in kwargs:
            config = kwargs.pop(definition.config_name)
        if kwargs:
            raise DefinitionError(
                f"Step '{self.step_name}' was given {', '.join(repr(k) for k in kwargs)}, but a "
                f"0.x step takes only its config. Pass inputs when calling it inside the pipeline."
            )
        self.config = self._resolve_config(config)

    @property
    def step_name(self) -> str:
        """The step function's name (a pipeline renames it after its parameter)."""
        return type(self).definition.step.name

    def _resolve_config(self, config: BaseStepConfig | None) -> BaseStepConfig | None:
        config_type = type(self).definition.config_type
        if config_type is None:
            if config is not None:
                raise DefinitionError(
                    f"Step '{self.step_name}' was given a config, but its function has no "
                    f"BaseStepConfig parameter. Add one, or call it without a config."
                )
            return None
        if config is not None:
            return config
        try:
            return config_type()
        except ValidationError as exc:
            raise DefinitionError(
                f"Step '{self.step_name}' needs a '{config_type.__name__}' config, and some of "
                f"its fields have no default ({exc.error_count()} problem(s)). Pass one: "
                f"{type(self).__name__}({config_type.__name__}(...))."
            ) from exc

    def arguments(self, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> dict[str, Any]:
        """Keyword arguments for the modern step: inputs by name, plus the config."""
        definition = type(self).definition
        if len(args) > len(definition.input_names):
            raise DefinitionError(
                f"Step '{self.step_name}' takes {len(definition.input_names)} input(s) "
                f"({', '.join(definition.input_names) or 'none'}) but was called with {len(args)}."
            )
        arguments = dict(zip(definition.input_names, args, strict=False))
        arguments.update(kwargs)
        if definition.config_name is not None:
            arguments[definition.config_name] = self.config
        return arguments

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Outside a pipeline: call the step's function with this instance's config."""
        return type(self).definition.step(**self.arguments(args, kwargs))

    def __repr__(self) -> str:
        return f"<0.x step '{self.step_name}'>"


@overload
def step(function: Callable[..., Any], /) -> type[BaseStep]: ...


@overload
def step(
    *,
    name: str | None = None,
    enable_cache: bool | None = None,
    output_materializers: type | Mapping[str, type] | None = None,
) -> Callable[[Callable[..., Any]], type[BaseStep]]: ...


def step(
    function: Callable[..., Any] | None = None,
    /,
    *,
    name: str | None = None,
    enable_cache: bool | None = None,
    output_materializers: type | Mapping[str, type] | None = None,
) -> type[BaseStep] | Callable[[Callable[..., Any]], type[BaseStep]]:
    """Make a 0.x step class from a function: `@step` or `@step(enable_cache=False)`.

    The modern `headwater.step` returns a step you call inside a `@pipeline` directly.
    """
    warn_legacy("headwater.steps.step", "`from headwater import step`")
    options = StepOptions(name, enable_cache, output_materializers)
    # String annotations may name classes local to the function that defines the step.
    local_names = dict(sys._getframe(1).f_locals)
    if function is not None:
        return _step_class(function, options, local_names)
    return lambda entrypoint: _step_class(entrypoint, options, local_names)


def _step_class(
    function: Callable[..., Any], options: StepOptions, local_names: dict[str, Any]
) -> type[BaseStep]:
    modern = _modern_function(function, local_names)
    config_name, config_type = _config_parameter(modern)
    input_names = tuple(p for p in inspect.signature(modern).parameters if p != config_name)
    definition = LegacyStepDefinition(Step(modern, options), config_name, config_type, input_names)
    namespace = {
        "definition": definition,
        "__module__": function.__module__,
        "__qualname__": function.__qualname__,
        "__doc__": function.__doc__,
    }
    return type(function.__name__, (BaseStep,), namespace)


def _modern_function(
    function: Callable[..., Any], local_names: dict[str, Any]
) -> Callable[..., Any]:
    """A copy of `function` (same code, so the same source hash) with modern annotations."""
    if not isinstance(function, types.FunctionType):
        raise DefinitionError(
            f"@step decorates functions; '{function!r}' is not one. Decorate a `def`."
        )
    copy = types.FunctionType(
        function.__code__,
        function.__globals__,
        function.__name__,
        function.__defaults__,
        function.__closure__,
    )
    copy.__kwdefaults__ = function.__kwdefaults__
    copy.__module__ = function.__module__
    copy.__qualname__ = function.__qualname__
    copy.__doc__ = function.__doc__
    copy.__annotations__ = {
        key: _modern_annotation(function, value, local_names)
        for key, value in function.__annotations__.items()
    }
    return copy


def _modern_annotation(
    function: types.FunctionType, annotation: Any, local_names: dict[str, Any]
) -> Any:
    if isinstance(annotation, str):  # `from __future__ import annotations` in the user's module
        try:
            annotation = eval(
                annotation, function.__globals__, local_names
            )  # the user's own annotation text
        except Exception as exc:
            raise DefinitionError(
                f"Cannot read the annotation '{annotation}' of step '{function.__name__}': {exc}. "
                f"Make sure every type it names is imported in '{function.__module__}'."
            ) from exc
    return annotation.as_annotation() if isinstance(annotation, Output) else annotation


def _config_parameter(
    function: Callable[..., Any],
) -> tuple[str | None, type[BaseStepConfig] | None]:
    found = [
        (name, kind)
        for name, kind in function.__annotations__.items()
        if name != "return" and isinstance(kind, type) and issubclass(kind, BaseStepConfig)
    ]
    if len(found) > 1:
        raise DefinitionError(
            f"Step '{function.__name__}' has {len(found)} BaseStepConfig parameters "
            f"({', '.join(name for name, _ in found)}). A 0.x step takes one config; merge them."
        )
    return found[0] if found else (None, None)
