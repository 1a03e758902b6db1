"""`POST /login` (an access token for a username and password) and `POST /users`."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from pydantic import BaseModel, Field

from headwater.server.dependencies import ServerState, StateDep
from headwater.server.errors import ERROR_RESPONSES, ApiError
from headwater.server.identity import find_login
from headwater.server.passwords import hash_password, password_matches
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


@router.post("/login", operation_id="login")
def login(body: LoginRequest, state: StateDep) -> AccessToken:
    """An access token for a user's name and password (needs no login).

    Raises:
        ApiError: 401 for a wrong username or password; 400 in local mode, where there
            is no login to make and no secret to sign a token with.
    """
    found = check_password(state, body)
    token = issue_token(state.token_secret, found.user_id, state.token_seconds)
    return AccessToken(access_token=token, expires_in=state.token_seconds, role=found.role)


def check_password(state: ServerState, body: LoginRequest) -> UserLogin:
    """The login of a user whose name and password match (for `/login` and `/sessions`).

    Raises:
        ApiError: 401 for a wrong username or password; 400 in local mode.
    """
    if state.auth_mode != "server":
        raise ApiError(
            400,
            "login_not_required",
            "This server does not require a login: every request is the default user's. "
            "Send requests without a token, or start the server with `headwater up --auth`.",
        )
    found = find_login(state, body.username)
    # A service account has no password (an empty hash, which nothing matches); checked
    # by kind too, so a service account can never log in by password.
    if (
        found is None
        or found.kind is not AccountKind.USER
        or not password_matches(found.password_hash, body.password)
    ):
        raise ApiError(401, "unauthorized", "Wrong username or password.")
    return found


@admin_router.post("/users", operation_id="create_user", status_code=201)
def create_user(body: UserLoginCreate, state: StateDep) -> UserLoginInfo:
    """Create a user who can log in, or reset an existing user's password and role."""
    from headwater.store.sql.store import SqlStore

    store = state.session.store
    if not isinstance(store, SqlStore):
        raise ApiError(400, "bad_request", "This server's store cannot keep user logins.")
    saved = store.save_login(body.name, hash_password(body.password), body.role)
    return UserLoginInfo(id=saved.user_id, name=saved.name, role=saved.role)
