"""`/user-accounts` and `/users/{name}/...`: server admins list people who log in, change
their server role and deactivate them (creating one is `POST /users`, in `logins.py`).

Admins only, reads too: the list of who can log in, with their roles, is the admins' own.
"""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import APIRouter, Request
from pydantic import BaseModel

from headwater.errors import ApiError
from headwater.server.dependencies import StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import current_login, login_store
from headwater.store.logins import ServerRole, UserAccount

router = APIRouter(tags=["users"], responses=ERROR_RESPONSES)


class UserAccountInfo(BaseModel):
    """A person who logs in with a password; `deactivated` is set once they may not."""

    id: uuid.UUID
    name: str
    role: ServerRole
    created: dt.datetime
    deactivated: dt.datetime | None

    @classmethod
    def of(cls, account: UserAccount) -> UserAccountInfo:
        """The API shape of a stored user account."""
        return cls(
            id=account.id,
            name=account.name,
            role=account.role,
            created=account.created,
            deactivated=account.deactivated,
        )


class UserAccountList(BaseModel):
    """Every person who logs in with a password, by name."""

    items: list[UserAccountInfo]


class ServerRoleChange(BaseModel):
    """The server role a user holds from now on."""

    role: ServerRole


@router.get("/user-accounts", operation_id="list_user_accounts")
def list_user_accounts(state: StateDep) -> UserAccountList:
    """List every user who logs in with a password, with their server role."""
    accounts = login_store(state).list_user_accounts()
    return UserAccountList(items=[UserAccountInfo.of(a) for a in accounts])


@router.put("/users/{user_name}/role", operation_id="set_user_role")
def set_user_role(
    user_name: str, body: ServerRoleChange, request: Request, state: StateDep
) -> UserAccountInfo:
    """Change a user's server role.

    Raises:
        ApiError: 400 for the caller's own role (another admin must change it, so a
            server never loses its last admin by accident); 404 for an unknown user.
    """
    _refuse_self(request, user_name, "change your own server role")
    return UserAccountInfo.of(login_store(state).set_server_role(user_name, body.role))


@router.post("/users/{user_name}/deactivate", operation_id="deactivate_user")
def deactivate_user(user_name: str, request: Request, state: StateDep) -> UserAccountInfo:
    """Stop a user from logging in; every token and browser session of theirs ends now.

    Setting a new password with `POST /users` lets them log in again.

    Raises:
        ApiError: 400 for the caller themselves; 404 for an unknown user.
    """
    _refuse_self(request, user_name, "deactivate yourself")
    return UserAccountInfo.of(login_store(state).deactivate_user(user_name))


def _refuse_self(request: Request, user_name: str, what: str) -> None:
    login = current_login(request)
    if login is not None and login.name == user_name:
        raise ApiError(
            400,
            "own_account",
            f"You cannot {what}: ask another server admin to do it.",
        )
