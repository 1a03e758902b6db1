"""How a pipeline's structure changed from one version to the next: steps and edges.

Pure functions over the structures pipeline versions store (`PipelineSpec.structure`:
steps with their source hash and inputs) and the step parameters a run of each version
was given (its config's compiled spec), so the dashboard can say what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

# Step name -> that step's parameters, as a run of the version was given them.
StepParameters = Mapping[str, Mapping[str, Any]]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PipelineEdge(_Frozen):
    """Data flow in a pipeline: an output of one step feeds an input of another."""

    source_step: str
    output: str
    target_step: str
    input: str


class StepChange(_Frozen):
    """A step both versions have, whose code or parameters differ."""

    name: str
    is_source_changed: bool
    # Parameters added, removed or given another value (known when both versions ran).
    changed_parameters: list[str]


class StructureChanges(_Frozen):
    """What one pipeline version changed against the version before it."""

    steps_added: list[str]
    steps_removed: list[str]
    steps_changed: list[StepChange]
    edges_added: list[PipelineEdge]
    edges_removed: list[PipelineEdge]


def list_steps(structure: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The steps of a stored structure, in pipeline order (none if it is malformed)."""
    steps = structure.get("steps")
    if not isinstance(steps, list):
        return []
    return [s for s in steps if isinstance(s, Mapping) and isinstance(s.get("name"), str)]


def list_edges(structure: Mapping[str, Any]) -> list[PipelineEdge]:
    """The data edges of a stored structure, from each step's inputs."""
    edges = []
    for step in list_steps(structure):
        for entry in step.get("inputs") or []:
            if isinstance(entry, list | tuple) and len(entry) == 3:
                input_name, source, output = (str(part) for part in entry)
                edges.append(
                    PipelineEdge(
                        source_step=source,
                        output=output,
                        target_step=step["name"],
                        input=input_name,
                    )
                )
    return edges


def read_step_parameters(run_config: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Each step's parameters from a run's config (its compiled spec), by step name."""
    spec = run_config.get("spec")
    if not isinstance(spec, Mapping):
        return {}
    return {
        step["name"]: step["parameters"]
        for step in list_steps(spec)
        if isinstance(step.get("parameters"), Mapping)
    }


def compare_structures(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    *,
    parameters_before: StepParameters | None = None,
    parameters_after: StepParameters | None = None,
) -> StructureChanges:
    """The steps and edges `after` adds, removes or changes against `before`."""
    old = {step["name"]: step for step in list_steps(before)}
    new = {step["name"]: step for step in list_steps(after)}
    changed = []
    for name, step in new.items():
        if name not in old:
            continue
        change = _compare_step(
            name,
            old[name],
            step,
            _parameters_of(parameters_before, name),
            _parameters_of(parameters_after, name),
        )
        if change is not None:
            changed.append(change)
    old_edges, new_edges = list_edges(before), list_edges(after)
    return StructureChanges(
        steps_added=[name for name in new if name not in old],
        steps_removed=[name for name in old if name not in new],
        steps_changed=changed,
        edges_added=[edge for edge in new_edges if edge not in old_edges],
        edges_removed=[edge for edge in old_edges if edge not in new_edges],
    )


def _parameters_of(parameters: StepParameters | None, name: str) -> Mapping[str, Any] | None:
    return None if parameters is None else parameters.get(name)


def _compare_step(
    name: str,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    parameters_before: Mapping[str, Any] | None,
    parameters_after: Mapping[str, Any] | None,
) -> StepChange | None:
    is_source_changed = before.get("source_hash") != after.get("source_hash")
    changed_parameters: list[str] = []
    if parameters_before is not None and parameters_after is not None:
        keys = [*parameters_after, *(k for k in parameters_before if k not in parameters_after)]
        changed_parameters = [
            key
            for key in keys
            if key not in parameters_before
            or key not in parameters_after
            or parameters_before[key] != parameters_after[key]
        ]
    if not is_source_changed and not changed_parameters:
        return None
    return StepChange(
        name=name, is_source_changed=is_source_changed, changed_parameters=changed_parameters
    )
