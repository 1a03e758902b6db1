"""`POST /login` (an access token for a username and password) and `POST /users`."""

from __future__ import annotations

import uuid
from typing import Any

import anyio.to_thread
from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from headwater.errors import ApiError
from headwater.server.dependencies import ServerState, StateDep
from headwater.server.errors import ERROR_RESPONSES, ErrorBody
from headwater.server.identity import find_login, login_store
from headwater.server.tokens import issue_token
from headwater.store.logins import AccountKind, ServerRole, UserLogin

# Needs no login: the router is included without the access check.
router = APIRouter(tags=["users"], responses=ERROR_RESPONSES)
# Only admins may call these in server mode.
admin_router = APIRouter(tags=["users"], responses=ERROR_RESPONSES)


class LoginRequest(BaseModel):
    """A username and password."""

    username: str = Field(min_length=1, max_length=255)
    password: str = Field(min_length=1, max_length=1024)


class AccessToken(BaseModel):
    """A bearer token for `Authorization: Bearer ...`, and how long it stays valid."""

    access_token: str
    token_type: str = "bearer"
    expires_in: int
    role: ServerRole


class UserLoginCreate(BaseModel):
    """A user who may log in, with a password and a server-level role."""

    name: str = Field(min_length=1, max_length=255)
    password: str = Field(min_length=8, max_length=1024)
    role: ServerRole = ServerRole.MEMBER


class UserLoginInfo(BaseModel):
    """A user who may log in, without the password hash."""

    id: uuid.UUID
    name: str
    role: ServerRole


# The limits' answer, besides the usual errors (see `login_throttle.py`).
THROTTLED_RESPONSES: dict[int | str, dict[str, Any]] = {
    429: {
        "model": ErrorBody,
        "description": "Too many failed logins for the user name or address; see Retry-After.",
    }
}


@router.post("/login", operation_id="login", responses=THROTTLED_RESPONSES)
async def login(body: LoginRequest, request: Request, state: StateDep) -> AccessToken:
    """An access token for a user's name and password (needs no login).

    Raises:
        ApiError: 401 for a wrong username or password; 429 after too many failures for
            the user name or the address; 400 in local mode, where there is no login to
            make and no secret to sign a token with.
    """
    found = await check_password(state, body, request)
    return AccessToken(
        access_token=issue_access_token(state, found),
        expires_in=state.token_seconds,
        role=found.role,
    )


def issue_access_token(state: ServerState, found: UserLogin) -> str:
    """A token for a user who just logged in, in their current token epoch."""
    return issue_token(
        state.token_secret, found.user_id, state.token_seconds, epoch=found.token_epoch
    )


async def check_password(state: ServerState, body: LoginRequest, request: Request) -> UserLogin:
    """The login of a user whose name and password match (for `/login` and `/sessions`).

    Every wrong answer costs one Argon2 verification, whether the name is a user's, a
    service account's (which has no password) or nobody's: so timing tells no names apart.

    Raises:
        ApiError: 401 for a wrong username or password; 429 after too many failures; 400
            in local mode.
    """
    if state.auth_mode != "server":
        raise ApiError(
            400,
            "login_not_required",
            "This server does not require a login: every request is the default user's. "
            "Send requests without a token, or start the server with `headwater up --auth`.",
        )
    address = request.client.host if request.client is not None else "unknown"
    # Off the event loop: the count is a database write (`login_throttle.py`).
    attempt = await anyio.to_thread.run_sync(
        state.login_throttle.begin_attempt, body.username, address
    )
    found = await anyio.to_thread.run_sync(find_login, state, body.username)
    # Checked by kind too, so a service account can never log in by password.
    is_user = found is not None and found.kind is AccountKind.USER
    password_hash = found.password_hash if found is not None and is_user else None
    # Hashed before deciding, so an unknown name pays for a verification too.
    matched = await state.password_hashing.matches(password_hash, body.password)
    if found is None or not matched:
        raise ApiError(401, "unauthorized", "Wrong username or password.")
    await anyio.to_thread.run_sync(attempt.succeeded)
    return found


@admin_router.post("/users", operation_id="create_user", status_code=201)
async def create_user(body: UserLoginCreate, state: StateDep) -> UserLoginInfo:
    """Create a user who can log in, or reset an existing user's password and role.

    A new password ends the user's earlier access tokens and browser sessions.
    """
    store = login_store(state)
    password_hash = await state.password_hashing.hash(body.password)
    saved = await anyio.to_thread.run_sync(store.save_login, body.name, password_hash, body.role)
    return UserLoginInfo(id=saved.user_id, name=saved.name, role=saved.role)
