"""Cache keys built from named components, and the explanation of why a key changed."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from headwater.compiler.spec import StepSpec
from headwater.hashing import canonical_json, sha256_text


@dataclass(frozen=True, slots=True)
class ComponentChange:
    """One cache key component that differs from the earlier step run."""

    name: str
    before: str | None
    after: str | None


def cache_components(step: StepSpec, input_hashes: Mapping[str, str]) -> dict[str, str]:
    """The named parts of a step's cache key, each a short hash or readable value.

    Args:
        step: The compiled step.
        input_hashes: Input name -> content hash of the artifact fed to it.
    """
    components = {
        "source": step.source_hash,
        "parameters": _parameters_hash(step) if step.parameters else _NO_PARAMETERS_HASH,
        "outputs": _outputs_hash(
            tuple((o.name, o.materializer or o.type_name) for o in step.outputs)
        ),
    }
    for name, content_hash in input_hashes.items():
        components[f"input:{name}"] = content_hash
    if step.extra is not None:
        components["extra"] = sha256_text(canonical_json(step.extra))
    return components


def _parameters_hash(step: StepSpec) -> str:
    return sha256_text(canonical_json(dict(step.parameters)))


# Most steps take no parameters and a pipeline's steps share a few output shapes: these
# two parts are hashed once per process, not once per step (issue 19).
_NO_PARAMETERS_HASH = sha256_text(canonical_json({}))


@functools.lru_cache(maxsize=1024)
def _outputs_hash(outputs: tuple[tuple[str, str], ...]) -> str:
    return sha256_text(canonical_json([list(output) for output in outputs]))


def cache_key(components: Mapping[str, str]) -> str:
    """The key itself: a hash over all components, independent of their order."""
    # `canonical_json` of text to text, without its walk over values already plain.
    return sha256_text(json.dumps(dict(components), sort_keys=True, separators=(",", ":")))


def diff_components(before: Mapping[str, str], after: Mapping[str, str]) -> list[ComponentChange]:
    """Components added, removed or changed between two step runs, sorted by name."""
    names = sorted(before.keys() | after.keys())
    return [
        ComponentChange(name, before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    ]


def describe_change(change: ComponentChange, parameters: tuple[Any, Any] | None = None) -> str:
    """A sentence saying what a component change means to a user."""
    name = change.name
    if name == "source":
        return "the step's code (or a function of its package it calls) changed"
    if name == "parameters":
        if parameters is not None:
            return f"its parameters changed from {parameters[0]} to {parameters[1]}"
        return "its parameters changed"
    if name == "outputs":
        return "its outputs or their materializers changed"
    if name == "extra":
        return "its 'extra' cache salt changed"
    if name.startswith("input:"):
        input_name = name.removeprefix("input:")
        if change.before is None:
            return f"it has a new input '{input_name}'"
        if change.after is None:
            return f"it no longer has the input '{input_name}'"
        return f"the content of its input '{input_name}' changed"
    return f"'{name}' changed"
