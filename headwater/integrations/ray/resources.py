"""A step's resources as Ray task options, and the check that the cluster has them.

A step asking for more than any node has would wait forever in Ray's queue; it fails
before the run's first step instead, naming what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from headwater.errors import DefinitionError
from headwater.integrations.ray.settings import RaySettings

if TYPE_CHECKING:
    from headwater.compiler.spec import StepSpec

# The settings key a step's orchestrator settings sit under.
ORCHESTRATOR_KEY = "orchestrator"


def step_ray_settings(step: StepSpec) -> RaySettings:
    """The step's `RaySettings` (none given: Ray's defaults).

    Raises:
        DefinitionError: the step's orchestrator settings are not Ray's.
    """
    raw = step.settings.get(ORCHESTRATOR_KEY) or {}
    try:
        return RaySettings.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"'{'.'.join(str(p) for p in e['loc'])}': {e['msg']}" for e in exc.errors()
        )
        raise DefinitionError(
            f"Step '{step.name}' has orchestrator settings the Ray orchestrator cannot use: "
            f"{problems}. Use RaySettings(num_cpus=..., num_gpus=..., memory=..., "
            f"resources={{...}})."
        ) from None


def task_options(settings: RaySettings) -> dict[str, Any]:
    """Ray's `.options(...)` for a step; Ray's own retries stay off (ours are recorded)."""
    options: dict[str, Any] = {"max_retries": 0, "retry_exceptions": False}
    if settings.num_cpus is not None:
        options["num_cpus"] = settings.num_cpus
    if settings.num_gpus is not None:
        options["num_gpus"] = settings.num_gpus
    memory = settings.memory_bytes()
    if memory is not None:
        options["memory"] = memory
    if settings.resources:
        options["resources"] = dict(settings.resources)
    return options


def requested_resources(settings: RaySettings) -> dict[str, float]:
    """What one task of the step takes from a node, in Ray's resource names."""
    wanted: dict[str, float] = {"CPU": 1.0 if settings.num_cpus is None else settings.num_cpus}
    if settings.num_gpus:
        wanted["GPU"] = settings.num_gpus
    memory = settings.memory_bytes()
    if memory:
        wanted["memory"] = float(memory)
    wanted.update(settings.resources)
    return {name: amount for name, amount in wanted.items() if amount > 0}


def missing_resources(
    wanted: Mapping[str, float], nodes: Sequence[Mapping[str, float]]
) -> dict[str, tuple[float, float]]:
    """Resource -> (wanted, most any one node has), for what no single node can give.

    Empty when some node has everything the step wants.
    """
    for node in nodes:
        if all(node.get(name, 0.0) >= amount for name, amount in wanted.items()):
            return {}
    return {
        name: (amount, max((node.get(name, 0.0) for node in nodes), default=0.0))
        for name, amount in wanted.items()
        if all(node.get(name, 0.0) < amount for node in nodes)
    } or {
        # Each resource exists somewhere, but never all of them on one node.
        name: (amount, max((node.get(name, 0.0) for node in nodes), default=0.0))
        for name, amount in wanted.items()
    }


def describe_missing(step_name: str, missing: Mapping[str, tuple[float, float]]) -> str:
    """A message naming each missing resource, what the step asks and what nodes have."""
    parts = ", ".join(
        f"{_shown(name, wanted)} (the largest node has {_shown(name, most)})"
        for name, (wanted, most) in sorted(missing.items())
    )
    return (
        f"Step '{step_name}' asks for {parts}, which no node of the Ray cluster has. "
        f"Lower the step's RaySettings, or add a node that has them."
    )


def _shown(name: str, amount: float) -> str:
    if name == "memory":
        return f"{amount / 10**9:g} GB of memory"
    return f"{amount:g} {name}"
