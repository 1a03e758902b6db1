"""ZenML's YAML run configuration: `pipeline.with_options(config_path="x.yaml")`.

Read keys: `parameters`, `enable_cache`, `run_name`, `tags`, `extra`, `model` (name,
version, description, tags; the model-card fields are kept as the Model's), and
`steps.<name>.parameters` / `.enable_cache` / `.extra`. `settings`, `enable_step_logs`
and the other keys of ZenML's stacks are accepted and ignored (Headwater has no Docker
builds or stack settings per run).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headwater.errors import DefinitionError
from headwater.sdk.model import Model

if TYPE_CHECKING:
    from headwater.compiler.spec import PipelineSpec

_MODEL_FIELDS = {f.name for f in dataclasses.fields(Model)}


@dataclass(frozen=True, slots=True)
class StepOverride:
    """What a YAML file's `steps.<name>` sets for one step."""

    parameters: Mapping[str, Any] = field(default_factory=dict)
    enable_cache: bool | None = None


@dataclass(frozen=True, slots=True)
class RunConfiguration:
    """The keys of one YAML run configuration that Headwater acts on."""

    parameters: Mapping[str, Any] = field(default_factory=dict)
    enable_cache: bool | None = None
    run_name: str | None = None
    tags: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    model: Model | None = None
    steps: Mapping[str, StepOverride] = field(default_factory=dict)


def read_run_configuration(path: str | Path) -> RunConfiguration:
    """Read a ZenML-style YAML run configuration.

    Raises:
        DefinitionError: the file is missing, is not YAML, or a key has the wrong shape.
    """
    data = _load_yaml(Path(path))
    try:
        return RunConfiguration(
            parameters=dict(data.get("parameters") or {}),
            enable_cache=data.get("enable_cache"),
            run_name=data.get("run_name"),
            tags=tuple(data.get("tags") or ()),
            extra=dict(data.get("extra") or {}),
            model=_model(data.get("model")),
            steps={
                name: StepOverride(
                    parameters=dict((options or {}).get("parameters") or {}),
                    enable_cache=(options or {}).get("enable_cache"),
                )
                for name, options in (data.get("steps") or {}).items()
            },
        )
    except (TypeError, ValueError, AttributeError) as exc:
        raise DefinitionError(
            f"The run configuration '{path}' has a key of the wrong shape ({exc}). "
            f"parameters, extra, model and steps are mappings; tags is a list."
        ) from exc


def apply_step_overrides(spec: PipelineSpec, steps: Mapping[str, StepOverride]) -> PipelineSpec:
    """The spec with each named step's YAML parameters and caching applied (they win
    over the code's, as ZenML's step-level YAML does).

    Raises:
        DefinitionError: the YAML names a step the pipeline does not have.
    """
    unknown = sorted(set(steps) - set(spec.steps_by_name))
    if unknown:
        raise DefinitionError(
            f"The run configuration of pipeline '{spec.name}' configures steps "
            f"{', '.join(repr(n) for n in unknown)}, which it does not have. Its steps "
            f"are {', '.join(repr(s.name) for s in spec.steps)}."
        )
    replaced = tuple(
        dataclasses.replace(
            step,
            parameters={**step.parameters, **steps[step.name].parameters},
            enable_cache=step.enable_cache
            if steps[step.name].enable_cache is None
            else bool(steps[step.name].enable_cache),
        )
        if step.name in steps
        else step
        for step in spec.steps
    )
    return dataclasses.replace(spec, steps=replaced)


def _load_yaml(path: Path) -> dict[str, Any]:
    import yaml  # type: ignore[import-untyped]

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DefinitionError(f"Cannot read the run configuration '{path}': {exc}.") from exc
    except yaml.YAMLError as exc:
        raise DefinitionError(f"The run configuration '{path}' is not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DefinitionError(f"The run configuration '{path}' must be a YAML mapping of keys.")
    return data


def _model(data: Any) -> Model | None:
    if data is None:
        return None
    known = {k: v for k, v in dict(data).items() if k in _MODEL_FIELDS}
    if "tags" in known:
        known["tags"] = tuple(known["tags"])
    return Model(**known)
