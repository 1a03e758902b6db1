"""`/me/password` and `/me/api-keys`: what any logged-in user changes about themselves.

Changing the password ends every other token and browser session of the user (issue 18):
the token epoch moves on. The session or token that made the change is kept: a cookie
session gets fresh cookies, a bearer caller gets a new access token in the answer.

Personal API keys are the same keys service accounts hold (`api_keys` rows of the user),
acting with the user's own roles; a user lists, makes and revokes only their own.
"""

from __future__ import annotations

import uuid

import anyio.to_thread
from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from headwater.errors import ApiError
from headwater.server.cookies import SESSION_COOKIE, set_session_cookies
from headwater.server.dependencies import ServerState, StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import current_login, login_store
from headwater.server.keys import make_key
from headwater.server.routes.logins import issue_access_token
from headwater.server.routes.service_accounts import (
    ApiKeyCreate,
    ApiKeyInfo,
    ApiKeyList,
    ApiKeyWithSecret,
    expiry,
)
from headwater.store.logins import AccountKind, UserLogin

router = APIRouter(tags=["users"], responses=ERROR_RESPONSES)


class PasswordChange(BaseModel):
    """The caller's current password, and the new one they chose."""

    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=8, max_length=1024)


class PasswordChanged(BaseModel):
    """Whose password changed. Every other token and session of theirs has ended.

    `access_token` is the caller's new bearer token when they sent one (the old one is
    refused from now on); a browser session gets new cookies instead, and None here.
    """

    id: uuid.UUID
    name: str
    access_token: str | None
    expires_in: int


@router.put("/me/password", operation_id="change_my_password")
async def change_my_password(
    body: PasswordChange, request: Request, response: Response, state: StateDep
) -> PasswordChanged:
    """Change the caller's own password; their other tokens and sessions end.

    Raises:
        ApiError: 400 for a wrong current password, for a service account (it has no
            password) and in local mode; 429 after too many wrong passwords.
    """
    login = _person(request)
    address = request.client.host if request.client is not None else "unknown"
    # Counted like logins: a stolen session must not be a way to guess the password.
    attempt = state.login_throttle.begin_attempt(login.name, address)
    if not await state.password_hashing.matches(login.password_hash, body.current_password):
        raise ApiError(
            400,
            "wrong_password",
            "The current password is wrong, so the password was not changed. Type the "
            "password you log in with now.",
        )
    attempt.succeeded()
    new_hash = await state.password_hashing.hash(body.new_password)
    saved = await anyio.to_thread.run_sync(
        login_store(state).save_login, login.name, new_hash, login.role
    )
    return _keep_caller_logged_in(request, response, state, saved)


def _keep_caller_logged_in(
    request: Request, response: Response, state: ServerState, saved: UserLogin
) -> PasswordChanged:
    token = issue_access_token(state, saved)
    is_bearer = request.headers.get("authorization", "").lower().startswith("bearer ")
    if not is_bearer and request.cookies.get(SESSION_COOKIE):
        set_session_cookies(
            response,
            request,
            secret=state.token_secret,
            session_token=token,
            seconds=state.token_seconds,
        )
    return PasswordChanged(
        id=saved.user_id,
        name=saved.name,
        access_token=token if is_bearer else None,
        expires_in=state.token_seconds,
    )


@router.get("/me/api-keys", operation_id="list_my_api_keys")
def list_my_api_keys(request: Request, state: StateDep) -> ApiKeyList:
    """List the caller's own API keys (never their secrets), ended ones included."""
    login = _logged_in(request)
    keys = login_store(state).list_api_keys(login.user_id)
    return ApiKeyList(items=[ApiKeyInfo.of(key) for key in keys])


@router.post("/me/api-keys", operation_id="create_my_api_key", status_code=201)
def create_my_api_key(body: ApiKeyCreate, request: Request, state: StateDep) -> ApiKeyWithSecret:
    """Make an API key that acts as the caller, with their roles; the raw key is in this
    answer only.

    Raises:
        ApiError: 400 in local mode, where nobody needs a key.
    """
    login = _logged_in(request)
    new = make_key()
    saved = login_store(state).create_api_key(
        login.user_id,
        key_id=new.id,
        name=body.name,
        secret_hash=new.secret_hash,
        expires=expiry(body.expires_in_days),
    )
    return ApiKeyWithSecret(**ApiKeyInfo.of(saved).model_dump(), key=new.raw)


@router.post("/me/api-keys/{key_id}/revoke", operation_id="revoke_my_api_key")
def revoke_my_api_key(key_id: uuid.UUID, request: Request, state: StateDep) -> ApiKeyInfo:
    """Make one of the caller's own keys stop working now (it stays listed, as revoked).

    Raises:
        ApiError: 404 for a key that is not the caller's.
    """
    login = _logged_in(request)
    store = login_store(state)
    owned = {key.id for key in store.list_api_keys(login.user_id)}
    if key_id not in owned:
        raise ApiError(
            404,
            "not_found",
            f"You hold no API key with id '{key_id}'. List yours on your profile page.",
        )
    return ApiKeyInfo.of(store.revoke_api_key(key_id))


def _logged_in(request: Request) -> UserLogin:
    login = current_login(request)
    if login is None:
        raise ApiError(
            400,
            "login_not_required",
            "This server does not require a login, so there is no account of yours to "
            "change. Start the server with `headwater up --auth` to use logins.",
        )
    return login


def _person(request: Request) -> UserLogin:
    login = _logged_in(request)
    if login.kind is not AccountKind.USER:
        raise ApiError(
            400,
            "no_password",
            f"'{login.name}' is a service account: it authenticates with API keys and has "
            f"no password. Rotate its keys instead.",
        )
    return login
