"""A run's model versions: asked of the store when the run starts, whose promotion rules
are evaluated when it completes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.store.filters import ListQuery
from headwater.store.metadata import encode_metadata
from headwater.store.model_registry import (
    ModelVersionRequest,
    PromotionRule,
    names_existing_version,
)
from headwater.store.models import MetadataTarget

if TYPE_CHECKING:
    from collections.abc import Mapping

    from headwater.compiler.spec import ModelSpec, PipelineSpec
    from headwater.store.base import RunRecorder
    from headwater.store.model_registry import ModelVersion
    from headwater.store.models import PipelineRun

# More models than any run links.
_ALL = 1_000


def resolve_run_models(
    store: RunRecorder, spec: PipelineSpec, run: PipelineRun, *, project: str = "default"
) -> dict[str, ModelVersion]:
    """Make or find the version of each model the run's steps declare, linked to the run.

    Returns:
        Model name -> the run's version of it.

    Raises:
        EntityNotFoundError: a step names an existing version that is not there.
    """
    versions = {
        name: store.resolve_model_version(_request(model, project), run_id=run.id)
        for name, model in _declared(spec).items()
    }
    for name, model in _declared(spec).items():
        if model.card and not names_existing_version(model.version):
            entries = encode_metadata(dict(model.card))
            store.add_metadata(MetadataTarget.MODEL_VERSION, versions[name].id, entries)
    return versions


def linked_model_versions(store: RunRecorder, run: PipelineRun) -> dict[str, ModelVersion]:
    """The model versions a run was linked to when it started, by model name."""
    page = store.list_model_versions(ListQuery(filters={"run_id": str(run.id)}, size=_ALL))
    return {version.model_name: version for version in page.items}


def apply_promotion_rules(
    store: RunRecorder, spec: PipelineSpec, versions: Mapping[str, ModelVersion], run: PipelineRun
) -> None:
    """Evaluate each model's promotion rules on the version the run made; the store
    records why. A run that uses an existing version (`version="production"`, a number)
    only reads it, so its rules are not evaluated."""
    for name, model in _declared(spec).items():
        if name in versions and not names_existing_version(model.version):
            store.apply_promotion_rules(versions[name].id, run_id=run.id)


def _declared(spec: PipelineSpec) -> dict[str, ModelSpec]:
    declared: dict[str, ModelSpec] = {}
    for model in (spec.model, *(step.model for step in spec.steps)):
        if model is not None:
            declared.setdefault(model.name, model)
    return declared


def _request(model: ModelSpec, project: str) -> ModelVersionRequest:
    rules = model.promotion_rules
    return ModelVersionRequest(
        model_name=model.name,
        project_name=project,
        version=model.version,
        description=model.description,
        tags=model.tags,
        promotion_rules=None
        if rules is None
        else tuple(PromotionRule.model_validate(rule) for rule in rules),
    )
