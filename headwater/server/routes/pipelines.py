"""`/pipelines` and `/pipeline-versions`."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from headwater.server.access import CallerDep
from headwater.server.dependencies import SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.listing import PipelineListParams, PipelineVersionListParams
from headwater.server.pipeline_history import describe_versions
from headwater.server.schemas import (
    PipelinePage,
    PipelineVersionChangesPage,
    PipelineVersionSummaryPage,
)
from headwater.store.models import Pipeline, PipelineVersion
from headwater.store.permissions import Resource

router = APIRouter(tags=["pipelines"], responses=ERROR_RESPONSES)


@router.get("/pipelines", operation_id="list_pipelines")
def list_pipelines(
    session: SessionDep, caller: CallerDep, params: Annotated[PipelineListParams, Query()]
) -> PipelinePage:
    """List pipelines, filtered and sorted like `Client.list_pipelines`."""
    query = caller.scope(params.to_query(), Resource.PIPELINE)
    page: PipelinePage = PipelinePage.of(session.store.list_pipelines(query))
    return page


@router.get("/pipelines/{pipeline_id}", operation_id="get_pipeline")
def get_pipeline(pipeline_id: str, session: SessionDep) -> Pipeline:
    """Get a pipeline by id or name."""
    return session.store.get_pipeline(pipeline_id)


@router.get("/pipelines/{pipeline_id}/versions", operation_id="list_pipeline_version_changes")
def list_pipeline_version_changes(
    pipeline_id: str, session: SessionDep, params: Annotated[PipelineVersionListParams, Query()]
) -> PipelineVersionChangesPage:
    """List a pipeline's versions with what each changed against the one before.

    Each version has its run count, first and last run, and the steps it added, removed
    and changed (source, or parameters as its latest run was given them) and the edges
    it added and removed. Newest version first by default.
    """
    pipeline = session.store.get_pipeline(pipeline_id)
    query = params.to_query()
    filters = {**query.filters, "pipeline_id": str(pipeline.id)}
    page = session.store.list_pipeline_versions(query.model_copy(update={"filters": filters}))
    return PipelineVersionChangesPage(
        items=describe_versions(session.store, pipeline.id, page.items),
        total=page.total,
        index=page.index,
        size=page.size,
        total_pages=page.total_pages,
    )


@router.get("/pipeline-versions", operation_id="list_pipeline_versions")
def list_pipeline_versions(
    session: SessionDep,
    caller: CallerDep,
    params: Annotated[PipelineVersionListParams, Query()],
) -> PipelineVersionSummaryPage:
    """List pipeline versions with their structures, run counts and first and last runs."""
    query = caller.scope(params.to_query(), Resource.PIPELINE)
    page: PipelineVersionSummaryPage = PipelineVersionSummaryPage.of(
        session.store.list_pipeline_versions(query)
    )
    return page


@router.get("/pipeline-versions/{pipeline_version_id}", operation_id="get_pipeline_version")
def get_pipeline_version(pipeline_version_id: uuid.UUID, session: SessionDep) -> PipelineVersion:
    """Get one recorded structure (spec) of a pipeline."""
    return session.store.get_pipeline_version(pipeline_version_id)
