"""`/sessions`: log a browser in with a cookie (`POST`) and out again (`DELETE`)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel

from headwater.server.cookies import SESSION_COOKIE, clear_session_cookies, set_session_cookies
from headwater.server.dependencies import StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import end_token
from headwater.server.routes.logins import (
    THROTTLED_RESPONSES,
    LoginRequest,
    check_password,
    issue_access_token,
)
from headwater.store.logins import AccountKind, ServerRole

# Needs no login: this is where a browser gets one.
router = APIRouter(tags=["users"], responses=ERROR_RESPONSES)


class BrowserSession(BaseModel):
    """Who the new session is for, and how long it lasts (the token is in a cookie)."""

    name: str
    role: ServerRole
    kind: AccountKind
    expires_in: int


@router.post(
    "/sessions",
    operation_id="create_session",
    status_code=status.HTTP_201_CREATED,
    responses=THROTTLED_RESPONSES,
)
async def create_session(
    body: LoginRequest, request: Request, response: Response, state: StateDep
) -> BrowserSession:
    """Log a browser in: sets an HttpOnly session cookie and a readable CSRF cookie.

    Send the CSRF cookie's value as `X-CSRF-Token` with every POST, PUT, PATCH and
    DELETE made with the session cookie.

    Raises:
        ApiError: 401 for a wrong username or password; 429 after too many failures for
            the user name or the address; 400 in local mode.
    """
    found = await check_password(state, body, request)
    token = issue_access_token(state, found)
    set_session_cookies(
        response,
        request,
        secret=state.token_secret,
        session_token=token,
        seconds=state.token_seconds,
    )
    return BrowserSession(
        name=found.name, role=found.role, kind=found.kind, expires_in=state.token_seconds
    )


@router.delete("/sessions", operation_id="delete_session", status_code=status.HTTP_204_NO_CONTENT)
def delete_session(request: Request, state: StateDep) -> Response:
    """Log a browser out: ends its session token on the server and expires the session and
    CSRF cookies (needs no login).

    The token is refused from now on even if a copy of the cookie survives elsewhere.
    """
    session_token = request.cookies.get(SESSION_COOKIE)
    if session_token and state.auth_mode == "server":
        end_token(state, session_token)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_session_cookies(response, request)
    return response
