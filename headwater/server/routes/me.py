"""`/me`: who the caller is (the dashboard's header and login page), and logging out everywhere."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel

from headwater.errors import ApiError
from headwater.server.dependencies import ServerState, StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import LOCAL_USER_NAME, current_login, local_user_id, login_store
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


@router.delete(
    "/me/sessions", operation_id="end_my_sessions", status_code=status.HTTP_204_NO_CONTENT
)
def end_my_sessions(request: Request, state: StateDep) -> Response:
    """Log out everywhere: end every access token and browser session of the caller.

    The caller's next request, and that of every other device they logged in on, answers
    401 until they log in again. Service accounts' API keys are not tokens: revoke those.

    Raises:
        ApiError: 400 in local mode, where nobody logs in; 401 without a valid login.
    """
    login = current_login(request)
    if login is None:
        raise ApiError(
            400,
            "login_not_required",
            "This server does not require a login, so there are no sessions to end. Start "
            "the server with `headwater up --auth` to use logins.",
        )
    login_store(state).end_every_token(login.user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
