"""`/models`, `/model-versions` and `/stage-transitions`: the model control plane."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import BaseModel, ConfigDict

from headwater.server.access import CallerDep
from headwater.server.dependencies import SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import author_name
from headwater.server.listing import (
    ModelListParams,
    ModelVersionListParams,
    StageTransitionListParams,
)
from headwater.server.schemas import PageOf
from headwater.store.model_registry import (
    Model,
    ModelCreate,
    ModelStage,
    ModelVersion,
    ModelVersionLinks,
    ModelVersionRequest,
    PromotionRule,
    StageChange,
    StageHolder,
    StageTransition,
)
from headwater.store.models import ArtifactType
from headwater.store.permissions import Resource
from headwater.store.rule_dry_runs import RuleDryRun, RuleDryRunRequest

router = APIRouter(tags=["models"], responses=ERROR_RESPONSES)
_NO_CONTENT = status.HTTP_204_NO_CONTENT


class _Body(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ModelPage(PageOf[Model]):
    """A page of models."""


class ModelVersionPage(PageOf[ModelVersion]):
    """A page of model versions."""


class StageTransitionPage(PageOf[StageTransition]):
    """A page of stage transitions."""


class ModelUpdate(_Body):
    """What to change on a model; an absent field stays as it is (`[]` clears rules)."""

    description: str | None = None
    promotion_rules: tuple[PromotionRule, ...] | None = None


class ModelVersionResolve(_Body):
    """Which version a `Model(...)` means, and the run to link it to."""

    request: ModelVersionRequest
    run_id: uuid.UUID | None = None


class ModelVersionArtifactLinks(_Body):
    """Artifact version ids to link to a model version, each with its kind."""

    links: dict[uuid.UUID, ArtifactType]


class PromotionRulesApply(_Body):
    """Evaluate a model's promotion rules on a version, reading the run's metadata too."""

    run_id: uuid.UUID | None = None
    user_name: str = "default"


class RulesEvaluated(_Body):
    """How many promotion rules were evaluated (each decision is in the stage history)."""

    evaluated: int


@router.post("/models", operation_id="create_model", status_code=status.HTTP_201_CREATED)
def create_model(model: ModelCreate, request: Request, session: SessionDep) -> Model:
    """Register a model with its tags and promotion rules (as the logged-in user)."""
    user_name = author_name(request, model.user_name)
    return session.store.create_model(model.model_copy(update={"user_name": user_name}))


@router.get("/models", operation_id="list_models")
def list_models(
    session: SessionDep, caller: CallerDep, params: Annotated[ModelListParams, Query()]
) -> ModelPage:
    """List models, filtered and sorted."""
    query = caller.scope(params.to_query(), Resource.MODEL)
    page: ModelPage = ModelPage.of(session.store.list_models(query))
    return page


@router.get("/models/{model_id}", operation_id="get_model")
def get_model(model_id: str, session: SessionDep) -> Model:
    """Get a model by id or name."""
    return session.store.get_model(model_id)


@router.patch("/models/{model_id}", operation_id="update_model")
def update_model(model_id: uuid.UUID, update: ModelUpdate, session: SessionDep) -> Model:
    """Change a model's description or replace its promotion rules."""
    return session.store.update_model(
        model_id, description=update.description, promotion_rules=update.promotion_rules
    )


@router.delete("/models/{model_id}", operation_id="delete_model", status_code=_NO_CONTENT)
def delete_model(model_id: uuid.UUID, session: SessionDep) -> Response:
    """Delete a model with its versions and stage history; artifacts and runs stay."""
    session.store.delete_model(model_id)
    return Response(status_code=_NO_CONTENT)


@router.post("/model-versions/resolve", operation_id="resolve_model_version")
def resolve_model_version(
    body: ModelVersionResolve, request: Request, session: SessionDep
) -> ModelVersion:
    """The version a `Model(...)` means, made if new, and linked to the run if given."""
    user_name = author_name(request, body.request.user_name)
    wanted = body.request.model_copy(update={"user_name": user_name})
    return session.store.resolve_model_version(wanted, run_id=body.run_id)


@router.get("/model-versions", operation_id="list_model_versions")
def list_model_versions(
    session: SessionDep, caller: CallerDep, params: Annotated[ModelVersionListParams, Query()]
) -> ModelVersionPage:
    """List model versions, filtered and sorted."""
    query = caller.scope(params.to_query(), Resource.MODEL_VERSION)
    page: ModelVersionPage = ModelVersionPage.of(session.store.list_model_versions(query))
    return page


@router.get("/model-versions/{version}", operation_id="get_model_version")
def get_model_version(
    version: str, session: SessionDep, model: Annotated[str | None, Query()] = None
) -> ModelVersion:
    """Get a version by id, or a `model`'s version by number, name, stage or `latest`."""
    return session.store.get_model_version(model, version)


@router.delete(
    "/model-versions/{version_id}", operation_id="delete_model_version", status_code=_NO_CONTENT
)
def delete_model_version(version_id: uuid.UUID, session: SessionDep) -> Response:
    """Delete a model version (409 while it is in production); runs and artifacts stay."""
    session.store.delete_model_version(version_id)
    return Response(status_code=_NO_CONTENT)


@router.get("/model-versions/{version_id}/links", operation_id="get_model_version_links")
def get_model_version_links(version_id: uuid.UUID, session: SessionDep) -> ModelVersionLinks:
    """The artifact versions (with their kind) and runs linked to a model version."""
    return session.store.get_model_version_links(version_id)


@router.post(
    "/model-versions/{version_id}/artifacts",
    operation_id="link_artifacts_to_model_version",
    status_code=_NO_CONTENT,
)
def link_artifacts_to_model_version(
    version_id: uuid.UUID, body: ModelVersionArtifactLinks, session: SessionDep
) -> Response:
    """Link existing artifact versions to a model version."""
    session.store.link_artifacts_to_model_version(version_id, dict(body.links))
    return Response(status_code=_NO_CONTENT)


@router.put("/model-versions/{version_id}/stage", operation_id="set_model_version_stage")
def set_model_version_stage(
    version_id: uuid.UUID, change: StageChange, request: Request, session: SessionDep
) -> ModelVersion:
    """Move a version to a stage (`force` archives the version holding it)."""
    user_name = author_name(request, change.user_name)
    change = change.model_copy(update={"user_name": user_name})
    return session.store.set_model_version_stage(version_id, change)


@router.post(
    "/model-versions/{version_id}/promotion-rules/apply", operation_id="apply_promotion_rules"
)
def apply_promotion_rules(
    version_id: uuid.UUID, body: PromotionRulesApply, request: Request, session: SessionDep
) -> RulesEvaluated:
    """Evaluate the model's promotion rules on a version, recording every decision."""
    user_name = author_name(request, body.user_name)
    evaluated = session.store.apply_promotion_rules(
        version_id, run_id=body.run_id, user_name=user_name
    )
    return RulesEvaluated(evaluated=evaluated)


@router.get("/stage-transitions", operation_id="list_stage_transitions")
def list_stage_transitions(
    session: SessionDep,
    caller: CallerDep,
    params: Annotated[StageTransitionListParams, Query()],
) -> StageTransitionPage:
    """List recorded stage changes, refusals and rule decisions."""
    query = caller.scope(params.to_query(), Resource.MODEL_VERSION)
    page: StageTransitionPage = StageTransitionPage.of(session.store.list_stage_transitions(query))
    return page


@router.get("/models/{model_id}/stages/{stage}", operation_id="get_stage_holder")
def get_stage_holder(
    model_id: str,
    stage: ModelStage,
    at: Annotated[dt.datetime, Query(description="A moment with its timezone (ISO 8601).")],
    session: SessionDep,
) -> StageHolder:
    """Which version held a stage at a moment, and since when, from the stage history."""
    return session.store.get_stage_holder(model_id, stage, at)


class PromotionRulesUpdate(_Body):
    """The model's promotion rules, replacing the ones it has (`[]` clears them)."""

    promotion_rules: tuple[PromotionRule, ...]


@router.put("/models/{model_id}/promotion-rules", operation_id="set_promotion_rules")
def set_promotion_rules(
    model_id: uuid.UUID, body: PromotionRulesUpdate, session: SessionDep
) -> Model:
    """Replace a model's promotion rules (recorded in the audit trail as a rule edit)."""
    return session.store.update_model(model_id, promotion_rules=body.promotion_rules)


@router.post("/models/{model_id}/promotion-rules/dry-run", operation_id="dry_run_promotion_rules")
def dry_run_promotion_rules(
    model_id: uuid.UUID, body: RuleDryRunRequest, session: SessionDep
) -> RuleDryRun:
    """What rules (the model's own, or the ones given) would decide for each existing
    version, and why; changes nothing."""
    return session.store.dry_run_promotion_rules(model_id, body.promotion_rules)
