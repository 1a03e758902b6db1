"""`/health` and `/info`: is the server up, and what does a client need to record into it."""

from __future__ import annotations

from importlib.metadata import version

from fastapi import APIRouter, Depends

from headwater.server.access import authorize
from headwater.server.dependencies import StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.schemas import Health, ServerInfo

router = APIRouter(tags=["server"], responses=ERROR_RESPONSES)


def headwater_version() -> str:
    """The installed Headwater version."""
    return version("headwater")


@router.get("/health", operation_id="get_health")
def get_health() -> Health:
    """Whether the server is up (needs no login)."""
    return Health(status="ok", version=headwater_version())


@router.get("/info", operation_id="get_server_info", dependencies=[Depends(authorize)])
def get_server_info(state: StateDep) -> ServerInfo:
    """The server's version, artifact store and authentication mode."""
    return ServerInfo(
        version=headwater_version(),
        artifact_store_url=state.session.artifact_store.url,
        auth_mode=state.auth_mode,
    )
