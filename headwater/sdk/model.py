"""`Model`: the model a pipeline's or step's artifacts belong to, declared ZenML-style.

Declaring only records; the runner asks the store for the version when the run starts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from headwater.compiler.spec import ModelSpec
from headwater.errors import DefinitionError

if TYPE_CHECKING:
    from headwater.compiler.recording import StepInvocation
    from headwater.compiler.spec import PipelineSpec
    from headwater.responses import ArtifactVersionResponse


class PromotionRuleLike(Protocol):
    """A `headwater.PromotionRule` (typed structurally: the compiler, which reads `Model`,
    must not import the store)."""

    def model_dump(self, *, mode: str) -> dict[str, Any]:
        """The rule's JSON form."""
        ...


@dataclass(frozen=True, slots=True)
class Model:
    """A model whose version a run makes or reuses; the run's artifacts are linked to it.

    Example:
        ```python
        @pipeline(model=Model(name="iris", tags=["cv"]))    # a new version per run
        def training(): ...

        @pipeline(model=Model(name="iris", version="production"))   # reuse that one
        def inference(): ...
        ```

    Args:
        name: The model's name; registered on first use.
        version: None makes the next numbered version; a number, "latest", "staging" or
            "production" names an existing one; any other text is a version name, made
            on first use and reused after.
        description: The model's description (kept when the model is first made).
        tags: Tags added to the model.
        promotion_rules: When given, they replace the model's promotion rules, e.g.
            `[PromotionRule(stage="staging", metadata_key="accuracy", operator=">=",
            threshold=0.9)]`; they are evaluated when a run of a version completes.
        license, audience, use_cases, limitations, trade_offs, ethics: ZenML's model-card
            fields; each given one is kept as metadata of the version a run makes.
    """

    name: str
    version: str | int | None = None
    description: str | None = None
    tags: Sequence[str] = ()
    promotion_rules: Sequence[PromotionRuleLike] | None = None
    license: str | None = None
    audience: str | None = None
    use_cases: str | None = None
    limitations: str | None = None
    trade_offs: str | None = None
    ethics: str | None = None

    @property
    def card(self) -> dict[str, str]:
        """The model-card fields that were given."""
        fields = {
            "license": self.license,
            "audience": self.audience,
            "use_cases": self.use_cases,
            "limitations": self.limitations,
            "trade_offs": self.trade_offs,
            "ethics": self.ethics,
        }
        return {name: value for name, value in fields.items() if value is not None}

    def get_artifact(self, name: str, version: int | None = None) -> ArtifactVersionResponse:
        """The artifact `name` linked to this model's version, read now: in a pipeline
        function (`get_pipeline_context().model.get_artifact("clf")`) it becomes the
        input of the step it is passed to, as in ZenML.

        Raises:
            EntityNotFoundError: the version or the artifact does not exist.
        """
        from headwater.responses.models import ModelVersionResponse
        from headwater.session import get_session

        session = get_session()
        found = session.store.get_model_version(self.name, self.version or "latest")
        return ModelVersionResponse(found, session).get_artifact(name, version)

    def load_artifact(self, name: str, version: int | None = None) -> Any:
        """The value of `get_artifact(name, version)`."""
        return self.get_artifact(name, version).load()

    def to_spec(self) -> ModelSpec:
        """The JSON-able form a compiled pipeline carries."""
        rules = self.promotion_rules
        return ModelSpec(
            name=self.name,
            version=self.version,
            description=self.description,
            tags=tuple(self.tags),
            promotion_rules=None
            if rules is None
            else tuple(rule.model_dump(mode="json") for rule in rules),
            card=self.card,
        )


def attach_models(
    spec: PipelineSpec, pipeline_model: Model | None, invocations: Sequence[StepInvocation]
) -> PipelineSpec:
    """Give each step its own model, else the pipeline's.

    Raises:
        DefinitionError: two steps ask for different versions of one model; a run links
            one version of each model.
    """
    own = {inv.name: inv.step.options.model for inv in invocations}
    steps = tuple(
        dataclasses.replace(step, model=_spec_of(own.get(step.name) or pipeline_model))
        for step in spec.steps
    )
    model = _spec_of(pipeline_model)
    _check_one_version_per_model(spec.name, [model, *(step.model for step in steps)])
    return dataclasses.replace(spec, steps=steps, model=model)


def _spec_of(model: Model | None) -> ModelSpec | None:
    return None if model is None else model.to_spec()


def _check_one_version_per_model(pipeline_name: str, models: Sequence[ModelSpec | None]) -> None:
    versions: dict[str, set[str]] = {}
    for model in models:
        if model is not None:
            versions.setdefault(model.name, set()).add(repr(model.version))
    clashes = {name: found for name, found in versions.items() if len(found) > 1}
    if clashes:
        listed = "; ".join(
            f"'{name}' as {', '.join(sorted(found))}" for name, found in sorted(clashes.items())
        )
        raise DefinitionError(
            f"Pipeline '{pipeline_name}' asks for different versions of one model: {listed}. "
            f"A run links one version of each model: give its steps the same Model(...)."
        )
