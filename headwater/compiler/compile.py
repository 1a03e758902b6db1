"""`compile_pipeline`: recorded step invocations in, a validated `PipelineSpec` out.

Validation collects every problem and raises one `DefinitionError` listing all of them.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from headwater.compiler.recording import OutputHandle, PipelineRecorder, StepInvocation
from headwater.compiler.signature import OutputSignature, StepSignature, read_signature
from headwater.compiler.source import read_source
from headwater.compiler.spec import InputSpec, OutputSpec, PipelineSpec, StepSpec
from headwater.compiler.step_settings import checked_retries, component_settings
from headwater.errors import DefinitionError, NotCanonicalError
from headwater.hashing import to_json_value


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """Pipeline-wide settings; `enable_cache` layers are resolved per step."""

    name: str
    tags: tuple[str, ...] = ()
    # Set with @pipeline(enable_cache=...): steps may override it.
    pipeline_enable_cache: bool | None = None
    # Set for one run with .with_options(enable_cache=...): overrides steps.
    run_enable_cache: bool | None = None
    run_name: str | None = None
    parameters: Mapping[str, Any] = field(default_factory=dict)


def compile_pipeline(recorder: PipelineRecorder, options: PipelineOptions) -> PipelineSpec:
    """Compile what a pipeline function recorded into a spec.

    Raises:
        DefinitionError: listing every problem found in the pipeline's wiring.
    """
    problems = list(recorder.problems)
    if not recorder.invocations:
        problems.append(
            f"Pipeline '{options.name}' calls no steps. Call at least one @step function "
            f"inside the pipeline function."
        )
    steps = [_compile_step(inv, id(recorder), options, problems) for inv in recorder.invocations]
    try:
        parameters = to_json_value(dict(options.parameters))
    except NotCanonicalError as exc:
        problems.append(
            f"Pipeline '{options.name}' was called with an argument of type '{exc}', which "
            f"cannot be recorded. Pass numbers, strings, booleans, lists, dicts or pydantic "
            f"models."
        )
        parameters = {}
    if problems:
        raise DefinitionError(_format_problems(options.name, problems))
    return PipelineSpec(
        name=options.name,
        steps=tuple(steps),
        tags=options.tags,
        parameters=parameters,
        run_name=options.run_name,
    )


def _compile_step(
    invocation: StepInvocation, recorder_id: int, options: PipelineOptions, problems: list[str]
) -> StepSpec:
    step = invocation.step
    signature = read_signature(step.entrypoint)
    source = read_source(step.entrypoint)
    external = _external_inputs(invocation)
    inputs, parameters = _split_arguments(invocation, recorder_id, problems, set(external))
    _check_missing(invocation.name, signature, set(invocation.arguments), problems)
    _add_defaults(signature, inputs, parameters)
    for name in external:  # an input's default is no parameter
        parameters.pop(name, None)
    _check_extra(invocation.name, step.options.extra, problems)
    return StepSpec(
        name=invocation.name,
        source=source.import_path,
        source_hash=source.hash,
        source_code=source.code,
        inputs=tuple(inputs),
        outputs=_output_specs(invocation, signature.outputs, problems),
        parameters=parameters,
        upstream=tuple(dict.fromkeys(i.step for i in inputs)),
        enable_cache=_resolve_enable_cache(step.options.enable_cache, options),
        extra=step.options.extra,
        external_inputs=external,
        settings=component_settings(invocation.name, step.options.settings, problems),
        retries=checked_retries(invocation.name, step.options.retries, problems),
    )


def _external_inputs(invocation: StepInvocation) -> dict[str, str]:
    """Arguments that are existing artifact versions (they carry `artifact_version_id`),
    as ZenML takes a `Client().get_artifact_version(...)` for a step input."""
    found: dict[str, str] = {}
    for name, value in invocation.arguments.items():
        version_id = getattr(value, "artifact_version_id", None)
        if isinstance(version_id, uuid.UUID):
            found[name] = str(version_id)
    return found


def _split_arguments(
    invocation: StepInvocation, recorder_id: int, problems: list[str], external: set[str]
) -> tuple[list[InputSpec], dict[str, Any]]:
    inputs: list[InputSpec] = []
    parameters: dict[str, Any] = {}
    for name, value in invocation.arguments.items():
        if name in external:
            continue
        if isinstance(value, OutputHandle):
            if value.recorder_id != recorder_id:
                problems.append(
                    f"Step '{invocation.name}' gets input '{name}' from {value}, which belongs "
                    f"to another pipeline call. Pass outputs only between steps of one pipeline."
                )
            inputs.append(InputSpec(name, value.step_name, value.output_name))
            continue
        try:
            to_json_value(value)
        except NotCanonicalError as exc:
            problems.append(
                f"Step '{invocation.name}' gets parameter '{name}' of type '{exc}', which cannot "
                f"be recorded as a parameter. Pass JSON-able values or pydantic models, or "
                f"return the value from an earlier step and pass that step's output."
            )
            continue
        parameters[name] = value
    return inputs, parameters


def _check_missing(
    step_name: str, signature: StepSignature, given: set[str], problems: list[str]
) -> None:
    for parameter in signature.parameters:
        if parameter.name not in given and not parameter.has_default:
            problems.append(
                f"Step '{step_name}' needs an input '{parameter.name}', but no earlier step "
                f"returns it and the pipeline does not pass it. Pass '{parameter.name}' from "
                f"a step before '{step_name}', or give the parameter a default."
            )


def _add_defaults(
    signature: StepSignature, inputs: list[InputSpec], parameters: dict[str, Any]
) -> None:
    given = {i.name for i in inputs} | parameters.keys()
    for parameter in signature.parameters:
        if parameter.name in given or not parameter.has_default:
            continue
        try:
            to_json_value(parameter.default)
        except NotCanonicalError:
            continue  # the function applies its own default; only JSON-able ones are recorded
        parameters[parameter.name] = parameter.default


def _check_extra(step_name: str, extra: Any, problems: list[str]) -> None:
    try:
        to_json_value(extra)
    except NotCanonicalError as exc:
        problems.append(
            f"Step '{step_name}' has an 'extra' cache salt of type '{exc}'. Use a string, "
            f"number or dict of them."
        )


def _output_specs(
    invocation: StepInvocation, outputs: tuple[OutputSignature, ...], problems: list[str]
) -> tuple[OutputSpec, ...]:
    chosen = invocation.step.options.output_materializers
    names = [o.name for o in outputs]
    if isinstance(chosen, Mapping):
        for unknown in sorted(set(chosen) - set(names)):
            problems.append(
                f"Step '{invocation.name}' sets a materializer for output '{unknown}', but its "
                f"outputs are {', '.join(repr(n) for n in names) or 'none'}. Use one of those."
            )
    return tuple(
        OutputSpec(
            name=output.name,
            artifact_name=output.artifact_name or f"{invocation.name}.{output.name}",
            tags=output.tags,
            type_name=_type_name(output.annotation),
            materializer=_materializer_path(chosen, output.name),
            artifact_type=output.artifact_type,
            metadata=output.metadata,
        )
        for output in outputs
    )


def _materializer_path(chosen: type | Mapping[str, type] | None, output: str) -> str | None:
    materializer = chosen.get(output) if isinstance(chosen, Mapping) else chosen
    if materializer is None:
        return None
    return f"{materializer.__module__}.{materializer.__qualname__}"


def _type_name(annotation: Any) -> str:
    module = getattr(annotation, "__module__", None)
    qualname = getattr(annotation, "__qualname__", None)
    if module and qualname:
        return f"{module}.{qualname}"
    return repr(annotation)


def _resolve_enable_cache(step_choice: bool | None, options: PipelineOptions) -> bool:
    # Run-level options override step options, which override pipeline options.
    for choice in (options.run_enable_cache, step_choice, options.pipeline_enable_cache):
        if choice is not None:
            return choice
    return True


def _format_problems(pipeline_name: str, problems: list[str]) -> str:
    if len(problems) == 1:
        return problems[0]
    listed = "\n".join(f"  - {p}" for p in problems)
    return f"Pipeline '{pipeline_name}' has {len(problems)} problems:\n{listed}"
