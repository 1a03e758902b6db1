"""`/metadata`: attach typed metadata to a run, step run, artifact or model version."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from headwater.server.dependencies import SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.schemas import MetadataAdd

router = APIRouter(tags=["metadata"], responses=ERROR_RESPONSES)


@router.post("/metadata", operation_id="add_metadata", status_code=status.HTTP_204_NO_CONTENT)
def add_metadata(body: MetadataAdd, session: SessionDep) -> Response:
    """Attach metadata entries; a key written again replaces its earlier value."""
    session.store.add_metadata(body.target, body.target_id, list(body.entries))
    return Response(status_code=status.HTTP_204_NO_CONTENT)
