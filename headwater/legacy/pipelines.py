"""0.x pipelines: `@pipeline` makes a class whose instances hold step instances.

`first_pipeline(step_1=loader(), step_2=trainer()).run()` becomes a modern `Pipeline`
whose function calls the user's function with each step renamed after its parameter
(`step_1`, `step_2`), then runs through the one modern runner.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, overload

from headwater.client import Client
from headwater.errors import DefinitionError, EntityNotFoundError
from headwater.legacy.deprecation import warn_legacy
from headwater.legacy.post_execution import PipelineRunView, PipelineView
from headwater.legacy.steps import BaseStep
from headwater.sdk.pipeline import Pipeline, PipelineConfig
from headwater.sdk.step import Step


@dataclass(frozen=True, slots=True)
class LegacyPipelineDefinition:
    """What `@pipeline` learned from a 0.x pipeline function."""

    function: Callable[..., Any]
    name: str
    enable_cache: bool | None


class _PipelineStep:
    """A step instance as a 0.x pipeline function sees it: calling it records the step
    under the pipeline parameter's name."""

    def __init__(self, instance: BaseStep, name: str) -> None:
        self.instance = instance
        self.step: Step = type(instance).definition.step.with_options(name=name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.step(**self.instance.arguments(args, kwargs))


class BasePipeline:
    """A 0.x pipeline class made by `@pipeline`: instantiate it with step instances,
    then `run()` it."""

    definition: ClassVar[LegacyPipelineDefinition]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        definition = type(self).definition
        try:
            bound = inspect.signature(definition.function).bind(*args, **kwargs)
        except TypeError as exc:
            raise DefinitionError(
                f"Pipeline '{definition.name}' was given steps that do not fit its parameters "
                f"({exc}). Pass one step instance per parameter, e.g. step_1=loader()."
            ) from exc
        bound.apply_defaults()
        self.steps: dict[str, BaseStep] = {}
        for name, value in bound.arguments.items():
            self.steps[name] = _check_step(definition.name, name, value)

    @property
    def name(self) -> str:
        """The pipeline's name in the store."""
        return type(self).definition.name

    def run(
        self, *, enable_cache: bool | None = None, run_name: str | None = None
    ) -> PipelineRunView:
        """Run the pipeline now and return the finished run.

        Args:
            enable_cache: Turn caching on or off for every step of this run.
            run_name: The run's name; generated when unset.
        """
        warn_legacy(
            "BasePipeline.run",
            "a modern `@pipeline`, which runs when called: `my_pipeline()`, or "
            "`my_pipeline.with_options(enable_cache=False)()`",
        )
        modern = self.to_pipeline()
        if enable_cache is not None or run_name is not None:
            modern = modern.with_options(enable_cache=enable_cache, run_name=run_name)
        return PipelineRunView(modern())

    def get_runs(self) -> list[PipelineRunView]:
        """Every run of this pipeline, oldest first (so `[-1]` is the latest)."""
        warn_legacy("BasePipeline.get_runs", "`Client().get_pipeline(name).runs` (newest first)")
        try:
            return PipelineView(Client().get_pipeline(self.name)).runs
        except EntityNotFoundError:
            return []

    def to_pipeline(self) -> Pipeline:
        """The modern pipeline this instance runs as."""
        definition = type(self).definition
        steps = {name: _PipelineStep(instance, name) for name, instance in self.steps.items()}

        def entrypoint() -> None:
            definition.function(**steps)

        entrypoint.__name__ = definition.name
        config = PipelineConfig(name=definition.name, enable_cache=definition.enable_cache)
        return Pipeline(entrypoint, config)

    def __repr__(self) -> str:
        return f"<0.x pipeline '{self.name}'>"


def _check_step(pipeline_name: str, name: str, value: Any) -> BaseStep:
    if isinstance(value, BaseStep):
        return value
    if isinstance(value, type) and issubclass(value, BaseStep):
        raise DefinitionError(
            f"Pipeline '{pipeline_name}' got the step class '{value.__name__}' for '{name}'. "
            f"Pass an instance instead: {name}={value.__name__}()."
        )
    raise DefinitionError(
        f"Pipeline '{pipeline_name}' got {value!r} for '{name}', which is not a 0.x step. "
        f"Pass an instance of a class made with `@step` from headwater.steps."
    )


@overload
def pipeline(function: Callable[..., Any], /) -> type[BasePipeline]: ...


@overload
def pipeline(
    *, name: str | None = None, enable_cache: bool | None = None
) -> Callable[[Callable[..., Any]], type[BasePipeline]]: ...


def pipeline(
    function: Callable[..., Any] | None = None,
    /,
    *,
    name: str | None = None,
    enable_cache: bool | None = None,
) -> type[BasePipeline] | Callable[[Callable[..., Any]], type[BasePipeline]]:
    """Make a 0.x pipeline class from a function whose parameters are steps.

    The modern `headwater.pipeline` runs when called and calls its steps directly.
    """
    warn_legacy("headwater.pipelines.pipeline", "`from headwater import pipeline`")

    def make(entrypoint: Callable[..., Any]) -> type[BasePipeline]:
        definition = LegacyPipelineDefinition(entrypoint, name or entrypoint.__name__, enable_cache)
        namespace = {
            "definition": definition,
            "__module__": entrypoint.__module__,
            "__qualname__": entrypoint.__qualname__,
            "__doc__": entrypoint.__doc__,
        }
        return type(entrypoint.__name__, (BasePipeline,), namespace)

    return make(function) if function is not None else make
