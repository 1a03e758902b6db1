"""One-time activation links: an admin makes a user without a password and a link, shown
once; the user opens the link and sets their own password (`/activations`, no login).

Only the SHA-256 of a link's secret is stored. A link works once and until it expires;
a used, expired or unknown link answers what happened, so the page can say it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import anyio.to_thread
from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from headwater.errors import ApiError, StatusTransitionError
from headwater.server.access import Caller, Decision
from headwater.server.activation_tokens import (
    ACTIVATION_PAGE,
    make_activation_token,
    read_activation_token,
)
from headwater.server.dependencies import ServerState, StateDep
from headwater.server.errors import ERROR_RESPONSES, ErrorBody
from headwater.server.identity import login_store
from headwater.server.keys import secret_matches
from headwater.server.route_permissions import Requirement, Scope
from headwater.store.logins import ActivationLink, ServerRole
from headwater.store.models import utc_now
from headwater.store.permissions import Action, Permission, Resource

# Needs no login: whoever holds the link is who may use it.
router = APIRouter(tags=["users"], responses=ERROR_RESPONSES)
# Only admins make links (included with the admin check and `authorize`, so audited).
admin_router = APIRouter(tags=["users"], responses=ERROR_RESPONSES)

# A month at most: a link is a password in waiting, so it should not wait for long.
MAX_LINK_HOURS = 30 * 24
_GONE: dict[int | str, dict[str, Any]] = {
    410: {"model": ErrorBody, "description": "The activation link was used or has expired."}
}
_ACTIVATED = Requirement(Permission(Resource.USER, Action.UPDATE), Scope.OPEN)


class ActivationLinkCreate(BaseModel):
    """A user to make without a password, and how long their link stays valid."""

    name: str = Field(min_length=1, max_length=255)
    role: ServerRole = ServerRole.MEMBER
    expires_in_hours: int = Field(default=72, ge=1, le=MAX_LINK_HOURS)


class ActivationLinkInfo(BaseModel):
    """A new user's link: `token` and `path` are in this answer only (the server keeps a
    hash), so show them once and hand the link over."""

    id: uuid.UUID
    name: str
    role: ServerRole
    expires: dt.datetime
    token: str
    # The dashboard's page that takes the token: `/activate?token=...`.
    path: str


class ActivationToken(BaseModel):
    """The token of an activation link, as the link carries it."""

    token: str = Field(min_length=1, max_length=255)


class PendingActivation(BaseModel):
    """Whom a still working link is for, and until when."""

    name: str
    expires: dt.datetime


class Activation(ActivationToken):
    """The link's token and the password its user chooses."""

    password: str = Field(min_length=8, max_length=1024)


class ActivatedUser(BaseModel):
    """The user who just set their password: they may log in now."""

    id: uuid.UUID
    name: str
    role: ServerRole


@admin_router.post(
    "/users/activation-links", operation_id="create_activation_link", status_code=201
)
def create_activation_link(body: ActivationLinkCreate, state: StateDep) -> ActivationLinkInfo:
    """Create a user without a password and a one-time link for them to set one.

    Asking again for a user who has not used their link yet makes a new link and ends
    the old one.

    Raises:
        ApiError: 409 if the name already logs in with a password or is a service account.
    """
    new = make_activation_token()
    link = login_store(state).create_activation_link(
        body.name,
        body.role,
        link_id=new.id,
        secret_hash=new.secret_hash,
        expires=utc_now() + dt.timedelta(hours=body.expires_in_hours),
    )
    return ActivationLinkInfo(
        id=link.user_id,
        name=link.user_name,
        role=body.role,
        expires=link.expires,
        token=new.raw,
        path=f"{ACTIVATION_PAGE}?token={new.raw}",
    )


@router.post("/activations/check", operation_id="check_activation_link", responses=_GONE)
def check_activation_link(body: ActivationToken, state: StateDep) -> PendingActivation:
    """Whom an activation link is for, if it still works (needs no login; changes nothing).

    Raises:
        ApiError: 404 for a link the server never made; 410 for a used or expired one;
            400 in local mode.
    """
    link = _working_link(state, body.token)
    return PendingActivation(name=link.user_name, expires=link.expires)


@router.post("/activations", operation_id="activate_user", responses=_GONE)
async def activate_user(body: Activation, request: Request, state: StateDep) -> ActivatedUser:
    """Set a new user's first password with their activation link, which then stops working.

    Raises:
        ApiError: 404 for a link the server never made; 410 for a used or expired one;
            400 in local mode.
    """
    link = _working_link(state, body.token)
    password_hash = await state.password_hashing.hash(body.password)
    try:
        login = await anyio.to_thread.run_sync(
            login_store(state).activate_user, link.id, password_hash
        )
    except StatusTransitionError as exc:  # another browser used it a moment ago
        raise ApiError(410, "activation_link_used", str(exc)) from exc
    # No login made this request, so `authorize` left nothing for the audit trail: the
    # change is the new user's own.
    request.state.access = Decision(caller=Caller(login=login), requirement=_ACTIVATED)
    return ActivatedUser(id=login.user_id, name=login.name, role=login.role)


def _working_link(state: ServerState, token: str) -> ActivationLink:
    if state.auth_mode != "server":
        raise ApiError(
            400,
            "login_not_required",
            "This server does not require a login, so there is no password to set. Start "
            "the server with `headwater up --auth` to use logins.",
        )
    parsed = read_activation_token(token)
    link = None if parsed is None else login_store(state).find_activation_link(parsed[0])
    if parsed is None or link is None or not secret_matches(link.secret_hash, parsed[1]):
        raise ApiError(
            404,
            "activation_link_unknown",
            "This activation link is not one this server made: check that it was copied "
            "whole, or ask a server admin for a new one.",
        )
    if link.used is not None:
        raise ApiError(
            410,
            "activation_link_used",
            f"This activation link was used on {link.used:%Y-%m-%d %H:%M} UTC to set the "
            f"password of '{link.user_name}', and works only once. Log in with that "
            f"password, or ask a server admin for a new link.",
        )
    if link.expires <= utc_now():
        raise ApiError(
            410,
            "activation_link_expired",
            f"This activation link for '{link.user_name}' expired on "
            f"{link.expires:%Y-%m-%d %H:%M} UTC. Ask a server admin for a new one.",
        )
    return link
