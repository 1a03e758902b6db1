"""`@pipeline`: a function that wires steps together; calling it runs them."""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from headwater.compiler.recording import current_recorder, recording
from headwater.errors import DefinitionError
from headwater.sdk.model import Model, attach_models
from headwater.sdk.pipeline_context import PipelineContext, composing
from headwater.sdk.run_configuration import (
    StepOverride,
    apply_step_overrides,
    read_run_configuration,
)

if TYPE_CHECKING:
    from headwater.compiler.spec import PipelineSpec

# Decorating a pipeline only records it. The compiler, runner, stores and their
# dependencies (pydantic, SQLAlchemy, fsspec) load on the first call, so a script's
# `from headwater import step, pipeline` stays fast (see benchmarks/core.py).


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """A pipeline's options; the `run_*` ones come from `with_options` for one run."""

    name: str | None = None
    enable_cache: bool | None = None
    tags: tuple[str, ...] = ()
    run_enable_cache: bool | None = None
    run_name: str | None = None
    # Steps without a model of their own link their outputs to this one's version.
    model: Model | None = None
    # Free-form values the pipeline function reads with get_pipeline_context().extra.
    extra: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    # From a YAML run configuration: pipeline parameters, and per-step overrides.
    parameters: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    step_overrides: Mapping[str, StepOverride] = dataclasses.field(default_factory=dict)


class Pipeline:
    """A pipeline: calling it records its steps, compiles them and runs them."""

    def __init__(self, entrypoint: Callable[..., Any], config: PipelineConfig) -> None:
        self.entrypoint = entrypoint
        self.config = config
        functools.update_wrapper(self, entrypoint)

    @property
    def name(self) -> str:
        """The pipeline's name in the store."""
        return self.config.name or self.entrypoint.__name__

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run the pipeline now, in this process, and return the finished run.

        Called inside another pipeline function, it composes instead (as in ZenML): its
        steps join the outer pipeline and the call returns what its function returns.

        Raises:
            DefinitionError: the pipeline is wired wrongly (every problem is listed).
            Exception: the exception a failed step raised, with a note naming the run.
        """
        from headwater.responses import PipelineRunResponse
        from headwater.responses.models import step_model_view
        from headwater.runner.pipeline_runner import RunTarget, run_pipeline
        from headwater.session import get_session
        from headwater.terminal_progress import show_progress_on_terminal

        if current_recorder() is not None:
            return self.entrypoint(*args, **kwargs)
        spec, functions = self.compile(*args, **kwargs)
        session = get_session()
        # Starting a run writes anyway: the moment to stop runs whose process died.
        session.stop_stale_runs()
        show_progress_on_terminal()
        stack = session.stack_runtime()
        target = RunTarget(
            store=session.store,
            artifact_store=stack.artifact_store,
            heartbeat_interval=session.settings.heartbeat_interval,
            orchestrator=stack.orchestrator,
            stack_id=stack.stack.id,
            project=session.settings.project,
            model_view=step_model_view(session.store, stack.artifact_store),
            alerter=stack.alerter,
        )
        run = run_pipeline(spec, target, functions=functions)
        return PipelineRunResponse(run, session)

    def compile(
        self, *args: Any, **kwargs: Any
    ) -> tuple[PipelineSpec, dict[str, Callable[..., Any]]]:
        """Record the pipeline function's step calls and compile them, without running.

        Returns:
            The spec, and each step name's function (for executing in this process).
        """
        from headwater.compiler.compile import PipelineOptions, compile_pipeline

        if current_recorder() is not None:
            raise DefinitionError(
                f"Pipeline '{self.name}' was compiled inside another pipeline. Call it "
                f"there instead: its steps then join the outer pipeline."
            )
        kwargs = self._with_configured_parameters(args, kwargs)
        parameters = self._bind(args, kwargs)
        with composing(self._context()), recording() as recorder:
            self.entrypoint(*args, **kwargs)
        options = PipelineOptions(
            name=self.name,
            tags=self.config.tags,
            pipeline_enable_cache=self.config.enable_cache,
            run_enable_cache=self.config.run_enable_cache,
            run_name=self.config.run_name,
            parameters=parameters,
        )
        compiled = apply_step_overrides(
            compile_pipeline(recorder, options), self.config.step_overrides
        )
        spec = attach_models(compiled, self.config.model, recorder.invocations)
        return spec, {inv.name: inv.step.entrypoint for inv in recorder.invocations}

    def with_options(
        self,
        *,
        enable_cache: bool | None = None,
        run_name: str | None = None,
        tags: Sequence[str] = (),
        model: Model | None = None,
        config_path: str | None = None,
    ) -> Pipeline:
        """A copy configured for one run; run options override step and pipeline options.

        Args:
            config_path: A ZenML-style YAML run configuration (parameters, enable_cache,
                steps, model, extra, tags, run_name); the other arguments win over it.
            enable_cache: Turn caching on or off for every step of the run.
            run_name: The run's name (must be unique); generated when unset.
            tags: Tags added to the pipeline's own.
            model: The `Model` of this run, instead of the pipeline's.
        """
        base = self.config if config_path is None else self._configured_by(config_path)
        config = dataclasses.replace(
            base,
            run_enable_cache=enable_cache,
            run_name=run_name or base.run_name,
            tags=tuple(dict.fromkeys((*base.tags, *tags))),
            model=model or base.model,
        )
        return Pipeline(self.entrypoint, config)

    def _configured_by(self, config_path: str) -> PipelineConfig:
        """This pipeline's config with a YAML run configuration laid over it."""
        yaml_config = read_run_configuration(config_path)
        return dataclasses.replace(
            self.config,
            enable_cache=self.config.enable_cache
            if yaml_config.enable_cache is None
            else yaml_config.enable_cache,
            run_name=yaml_config.run_name or self.config.run_name,
            tags=tuple(dict.fromkeys((*self.config.tags, *yaml_config.tags))),
            model=yaml_config.model or self.config.model,
            extra={**self.config.extra, **yaml_config.extra},
            parameters={**self.config.parameters, **yaml_config.parameters},
            step_overrides={**self.config.step_overrides, **yaml_config.steps},
        )

    def _with_configured_parameters(
        self, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> dict[str, Any]:
        """Call arguments, with YAML `parameters` filling those the call does not pass.

        Raises:
            DefinitionError: the YAML and the call give one parameter different values
                (ZenML refuses that too).
        """
        if not self.config.parameters:
            return kwargs
        names = list(inspect.signature(self.entrypoint).parameters)
        given = {**dict(zip(names, args, strict=False)), **kwargs}
        clashes = sorted(
            name
            for name, value in self.config.parameters.items()
            if name in given and given[name] != value
        )
        if clashes:
            raise DefinitionError(
                f"Pipeline '{self.name}' gets {', '.join(repr(c) for c in clashes)} both "
                f"from its call and, with another value, from its run configuration. "
                f"Set each parameter in one place."
            )
        configured = {k: v for k, v in self.config.parameters.items() if k not in given}
        return {**kwargs, **configured}

    def _context(self) -> PipelineContext:
        return PipelineContext(
            name=self.name,
            enable_cache=self.config.enable_cache
            if self.config.run_enable_cache is None
            else self.config.run_enable_cache,
            extra=dict(self.config.extra),
            model=self.config.model,
            tags=self.config.tags,
        )

    def _bind(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        try:
            bound = inspect.signature(self.entrypoint).bind(*args, **kwargs)
        except TypeError as exc:
            raise DefinitionError(
                f"Pipeline '{self.name}' was called with arguments that do not fit its "
                f"signature: {exc}."
            ) from exc
        bound.apply_defaults()
        return dict(bound.arguments)

    def __repr__(self) -> str:
        return f"<pipeline '{self.name}'>"


@overload
def pipeline(function: Callable[..., Any], /) -> Pipeline: ...


@overload
def pipeline(
    *,
    name: str | None = None,
    enable_cache: bool | None = None,
    tags: Sequence[str] = (),
    model: Model | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Callable[[Callable[..., Any]], Pipeline]: ...


def pipeline(
    function: Callable[..., Any] | None = None,
    /,
    *,
    name: str | None = None,
    enable_cache: bool | None = None,
    tags: Sequence[str] = (),
    model: Model | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Pipeline | Callable[[Callable[..., Any]], Pipeline]:
    """Turn a function that calls steps into a pipeline.

    Example:
        ```python
        @pipeline(tags=["demo"])
        def training(gamma: float = 0.001):
            X, y = load()
            train(X, y, gamma=gamma)

        run = training()   # runs now and returns the finished run
        ```

    Args:
        function: The function, when used as a bare `@pipeline`.
        name: The pipeline's name; defaults to the function's name.
        enable_cache: Default caching for its steps (a step's own setting wins).
        tags: Tags given to every run.
        model: The `Model` whose version each run makes or reuses; its steps' outputs
            are linked to that version.
        extra: Any values the pipeline function reads from `get_pipeline_context().extra`.
    """
    config = PipelineConfig(
        name=name, enable_cache=enable_cache, tags=tuple(tags), model=model, extra=extra or {}
    )
    if function is not None:
        return Pipeline(function, config)
    return lambda entrypoint: Pipeline(entrypoint, config)
