"""`/artifact-versions`: list and read artifact versions, download files, visualizations."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from headwater.server.access import CallerDep
from headwater.server.artifact_files import ArtifactFiles
from headwater.server.dependencies import SessionDep, StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.listing import ArtifactVersionListParams, StepRunListParams
from headwater.server.recorded_locations import artifact_version_store
from headwater.server.schemas import (
    ArtifactConsumer,
    ArtifactConsumerPage,
    ArtifactFile,
    ArtifactVersionLookup,
    ArtifactVersionMap,
    ArtifactVersionPage,
)
from headwater.server.security_headers import VISUALIZATION_POLICY
from headwater.server.visibility import readable_artifact_versions
from headwater.store.filters import ListQuery
from headwater.store.models import ArtifactVersion, PipelineRun, StepRun
from headwater.store.permissions import Resource

router = APIRouter(tags=["artifact versions"], responses=ERROR_RESPONSES)
_BINARY: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/octet-stream": {}}, "description": "The bytes."}
}
# User-made HTML runs in an opaque origin, with no access to ours and no network at all;
# the middleware adds the other security headers.
_SANDBOX_HEADERS = {"Content-Security-Policy": VISUALIZATION_POLICY}


@router.get("/artifact-versions", operation_id="list_artifact_versions")
def list_artifact_versions(
    session: SessionDep, caller: CallerDep, params: Annotated[ArtifactVersionListParams, Query()]
) -> ArtifactVersionPage:
    """List artifact versions, filtered and sorted like `Client.list_artifact_versions`."""
    query = caller.scope(params.to_query(), Resource.ARTIFACT)
    page: ArtifactVersionPage = ArtifactVersionPage.of(session.store.list_artifact_versions(query))
    return page


@router.post("/artifact-versions/lookup", operation_id="lookup_artifact_versions")
def lookup_artifact_versions(
    body: ArtifactVersionLookup, session: SessionDep, caller: CallerDep
) -> ArtifactVersionMap:
    """Get many artifact versions by id in one request (a read, sent as POST for size).

    Versions in projects the caller cannot read are left out, as if they did not exist.
    """
    found = session.store.get_artifact_versions(body.ids)
    return ArtifactVersionMap(items=readable_artifact_versions(session.store, caller, found))


@router.get("/artifact-versions/{artifact_version_id}", operation_id="get_artifact_version")
def get_artifact_version(artifact_version_id: uuid.UUID, session: SessionDep) -> ArtifactVersion:
    """Get an artifact version by id."""
    return session.store.get_artifact_version(artifact_version_id)


@router.get(
    "/artifact-versions/{artifact_version_id}/consumers", operation_id="list_artifact_consumers"
)
def list_artifact_consumers(
    artifact_version_id: uuid.UUID,
    session: SessionDep,
    caller: CallerDep,
    params: Annotated[StepRunListParams, Query()],
) -> ArtifactConsumerPage:
    """List the step runs, in any run, that read the artifact version as an input.

    Newest first by default; filtered and sorted like `list_step_runs`. Each consumer
    names its run, so a page costs two store queries whatever its size.
    """
    version = session.store.get_artifact_version(artifact_version_id)
    # Consumers in projects the caller cannot read are left out.
    query = caller.scope(params.to_query(), Resource.STEP)
    filters = {**query.filters, "input_artifact_version_id": str(version.id)}
    steps = session.store.list_step_runs(query.model_copy(update={"filters": filters}))
    run_ids = sorted({str(step.run_id) for step in steps.items})
    runs = (
        session.store.list_runs(
            ListQuery(filters={"id": f"oneof:[{','.join(run_ids)}]"}, size=len(run_ids))
        ).items
        if run_ids
        else ()
    )
    runs_by_id = {run.id: run for run in runs}
    # A run deleted between the two reads takes its step runs with it: leave them out.
    items = [
        _consumer(step, version.id, runs_by_id[step.run_id])
        for step in steps.items
        if step.run_id in runs_by_id
    ]
    return ArtifactConsumerPage(
        items=items,
        total=steps.total,
        index=steps.index,
        size=steps.size,
        total_pages=steps.total_pages,
    )


def _consumer(step: StepRun, artifact_version_id: uuid.UUID, run: PipelineRun) -> ArtifactConsumer:
    return ArtifactConsumer(
        step_run_id=step.id,
        step_name=step.name,
        status=step.status,
        created=step.created,
        input_names=[name for name, used in step.inputs.items() if used == artifact_version_id],
        run_id=step.run_id,
        run_name=run.name,
        pipeline_name=run.pipeline_name,
    )


@router.get(
    "/artifact-versions/{artifact_version_id}/files", operation_id="list_artifact_version_files"
)
def list_artifact_version_files(
    artifact_version_id: uuid.UUID, session: SessionDep, state: StateDep
) -> list[ArtifactFile]:
    """List the files the artifact version's materializer saved (and its views)."""
    version = session.store.get_artifact_version(artifact_version_id)
    return ArtifactFiles(artifact_version_store(state, version)).list_files(version)


@router.get(
    "/artifact-versions/{artifact_version_id}/files/{file_path:path}",
    operation_id="download_artifact_version_file",
    response_class=StreamingResponse,
    responses=_BINARY,
)
def download_artifact_version_file(
    artifact_version_id: uuid.UUID, file_path: str, session: SessionDep, state: StateDep
) -> StreamingResponse:
    """Download one file of the artifact version; the path never leaves its folder."""
    version = session.store.get_artifact_version(artifact_version_id)
    files = ArtifactFiles(artifact_version_store(state, version))
    path = files.file_path(version, file_path)
    name = path.rsplit("/", 1)[-1].replace('"', "")
    return StreamingResponse(
        files.stream(path),
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/artifact-versions/{artifact_version_id}/visualizations/{index}",
    operation_id="get_artifact_version_visualization",
    response_class=StreamingResponse,
    responses=_BINARY,
)
def get_artifact_version_visualization(
    artifact_version_id: uuid.UUID, index: int, session: SessionDep, state: StateDep
) -> StreamingResponse:
    """The `index`-th visualization of the artifact version (HTML is served sandboxed)."""
    version = session.store.get_artifact_version(artifact_version_id)
    files = ArtifactFiles(artifact_version_store(state, version))
    path, media_type = files.visualization(version, index)
    return StreamingResponse(files.stream(path), media_type=media_type, headers=_SANDBOX_HEADERS)
