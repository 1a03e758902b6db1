"""`/pipelines` and `/pipeline-versions`."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from headwater.server.access import CallerDep
from headwater.server.dependencies import SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.listing import PipelineListParams
from headwater.server.schemas import PipelinePage
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


@router.get("/pipeline-versions/{pipeline_version_id}", operation_id="get_pipeline_version")
def get_pipeline_version(pipeline_version_id: uuid.UUID, session: SessionDep) -> PipelineVersion:
    """Get one recorded structure (spec) of a pipeline."""
    return session.store.get_pipeline_version(pipeline_version_id)
