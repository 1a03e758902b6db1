"""`GET /me`: who the caller is, as the dashboard's header and login page need it."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel

from headwater.server.dependencies import ServerState, StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import LOCAL_USER_NAME, current_login, local_user_id
from headwater.store.logins import AccountKind, ServerRole

router = APIRouter(tags=["users"], responses=ERROR_RESPONSES)


class Me(BaseModel):
    """The calling user: their id, name, server role, and how the server authenticates."""

    id: uuid.UUID
    name: str
    role: ServerRole
    # "local": nobody logs in and every request is the default user's; "server": a login
    # is required, so the dashboard shows a login page and a "Log out" entry.
    auth_mode: Literal["local", "server"]
    kind: AccountKind


@router.get("/me", operation_id="get_me")
def get_me(request: Request, state: StateDep) -> Me:
    """The calling user (in local mode, the default user, who may do everything).

    Raises:
        ApiError: 401 in server mode when the request carries no valid credentials.
    """
    login = current_login(request)
    if login is None:
        return _local_me(state)
    return Me(
        id=login.user_id,
        name=login.name,
        role=login.role,
        auth_mode="server",
        kind=login.kind,
    )


def _local_me(state: ServerState) -> Me:
    return Me(
        id=local_user_id(state),
        name=LOCAL_USER_NAME,
        role=ServerRole.ADMIN,
        auth_mode="local",
        kind=AccountKind.USER,
    )
