"""`PipelineSpec` and `StepSpec`: a pipeline call compiled into frozen, serializable values.

The spec is all a step executor needs, in this process or another one: it round-trips
through `to_dict` / `PipelineSpec.from_dict` (parameters as JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from headwater.hashing import canonical_json, sha256_text, to_json_value


@dataclass(frozen=True, slots=True)
class InputSpec:
    """An input of a step: which upstream step's output feeds which parameter."""

    name: str
    step: str
    output: str


@dataclass(frozen=True, slots=True)
class OutputSpec:
    """An output of a step and the artifact it becomes."""

    name: str
    artifact_name: str
    tags: tuple[str, ...]
    # Import path of the type annotation, e.g. "numpy.ndarray" or "typing.Any".
    type_name: str
    # Import path of an explicitly chosen materializer; None picks one by value type.
    materializer: str | None
    # What the artifact is to the step's model version: data, model or deployment.
    artifact_type: str = "data"
    # Metadata every version of the output gets (from ArtifactConfig), JSON-able.
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """The model a step's outputs are linked to, as `Model(...)` declared it."""

    name: str
    # None makes a new version; a number, `latest`, a stage or a name picks one.
    version: str | int | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    # JSON forms of the model's promotion rules; None keeps the rules it has.
    promotion_rules: tuple[dict[str, Any], ...] | None = None
    # Model-card fields (license, audience, ...): metadata of the version a run makes.
    card: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form that `ModelSpec.from_dict` reads back."""
        return {
            "card": dict(self.card),
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "tags": list(self.tags),
            "promotion_rules": None
            if self.promotion_rules is None
            else [dict(rule) for rule in self.promotion_rules],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ModelSpec | None:
        """Rebuild a model spec from `to_dict` output (None stays None)."""
        if data is None:
            return None
        rules = data["promotion_rules"]
        return cls(
            name=data["name"],
            version=data["version"],
            description=data["description"],
            tags=tuple(data["tags"]),
            promotion_rules=None if rules is None else tuple(dict(rule) for rule in rules),
            card=dict(data.get("card") or {}),
        )


@dataclass(frozen=True, slots=True)
class StepSpec:
    """One compiled step: what it needs, what it makes, and what its cache key hashes."""

    name: str
    source: str
    source_hash: str
    source_code: str
    inputs: tuple[InputSpec, ...]
    outputs: tuple[OutputSpec, ...]
    # Parameter values as passed (pydantic models stay models until serialized).
    parameters: Mapping[str, Any]
    upstream: tuple[str, ...]
    enable_cache: bool
    # The user's cache salt (JSON-able), or None.
    extra: Any = None
    # The step's own model, else the pipeline's; None when neither declares one.
    model: ModelSpec | None = None
    # Input name -> id (text) of an existing artifact version passed to the step.
    external_inputs: Mapping[str, str] = field(default_factory=dict)
    # Settings per stack component (JSON-able), e.g. {"orchestrator": {"num_cpus": 2}}.
    # Where a step runs is no part of what it computes: not in the cache key.
    settings: Mapping[str, Any] = field(default_factory=dict)
    # How many times a failed attempt is run again.
    retries: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form that `StepSpec.from_dict` reads back."""
        return {
            "name": self.name,
            "source": self.source,
            "source_hash": self.source_hash,
            "source_code": self.source_code,
            "inputs": [[i.name, i.step, i.output] for i in self.inputs],
            "outputs": [
                [
                    o.name,
                    o.artifact_name,
                    list(o.tags),
                    o.type_name,
                    o.materializer,
                    o.artifact_type,
                    to_json_value(dict(o.metadata)),
                ]
                for o in self.outputs
            ],
            "parameters": to_json_value(dict(self.parameters)),
            "upstream": list(self.upstream),
            "enable_cache": self.enable_cache,
            "extra": to_json_value(self.extra),
            "model": None if self.model is None else self.model.to_dict(),
            "external_inputs": dict(self.external_inputs),
            "settings": to_json_value(dict(self.settings)),
            "retries": self.retries,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StepSpec:
        """Rebuild a step spec from `to_dict` output."""
        return cls(
            name=data["name"],
            source=data["source"],
            source_hash=data["source_hash"],
            source_code=data["source_code"],
            inputs=tuple(InputSpec(*i) for i in data["inputs"]),
            # Specs recorded before artifact types (and metadata) had fewer fields.
            outputs=tuple(
                OutputSpec(name, artifact, tuple(tags), type_name, materializer, *rest)
                for name, artifact, tags, type_name, materializer, *rest in data["outputs"]
            ),
            parameters=dict(data["parameters"]),
            upstream=tuple(data["upstream"]),
            enable_cache=data["enable_cache"],
            extra=data["extra"],
            model=ModelSpec.from_dict(data.get("model")),
            external_inputs=dict(data.get("external_inputs") or {}),
            settings=dict(data.get("settings") or {}),
            retries=int(data.get("retries") or 0),
        )


@dataclass(frozen=True)
class PipelineSpec:
    """A compiled pipeline: its steps in a valid execution order, and run options."""

    name: str
    steps: tuple[StepSpec, ...]
    tags: tuple[str, ...] = ()
    # The arguments the pipeline function was called with (JSON-able).
    parameters: Mapping[str, Any] = field(default_factory=dict)
    run_name: str | None = None
    # The pipeline's model: the run is linked to its version even if every step has its own.
    model: ModelSpec | None = None

    @cached_property
    def steps_by_name(self) -> dict[str, StepSpec]:
        """Steps keyed by their unique name."""
        return {s.name: s for s in self.steps}

    def step(self, name: str) -> StepSpec:
        """The step called `name`; KeyError if the pipeline has none."""
        return self.steps_by_name[name]

    @cached_property
    def structure(self) -> dict[str, Any]:
        """The pipeline's shape without run values: steps, code, edges and outputs."""
        return {
            "name": self.name,
            "steps": [
                {
                    "name": s.name,
                    "source": s.source,
                    "source_hash": s.source_hash,
                    "inputs": [[i.name, i.step, i.output] for i in s.inputs],
                    "outputs": [[o.name, o.artifact_name, o.type_name] for o in s.outputs],
                    "upstream": list(s.upstream),
                }
                for s in self.steps
            ],
        }

    @cached_property
    def structure_hash(self) -> str:
        """Identifies the pipeline version: equal structures share one version."""
        return sha256_text(canonical_json(self.structure))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form that `PipelineSpec.from_dict` reads back."""
        return {
            "name": self.name,
            "steps": [s.to_dict() for s in self.steps],
            "tags": list(self.tags),
            "parameters": to_json_value(dict(self.parameters)),
            "run_name": self.run_name,
            "model": None if self.model is None else self.model.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PipelineSpec:
        """Rebuild a pipeline spec from `to_dict` output."""
        return cls(
            name=data["name"],
            steps=tuple(StepSpec.from_dict(s) for s in data["steps"]),
            tags=tuple(data["tags"]),
            parameters=dict(data["parameters"]),
            run_name=data["run_name"],
            model=ModelSpec.from_dict(data.get("model")),
        )
