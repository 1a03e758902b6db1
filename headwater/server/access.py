"""Who may call what: the logged-in user of a request and the server-level role checks.

In local mode (`headwater up` without `--auth`) every request is the default user's and
nothing is checked. In server mode every route but health and login needs a valid
`Authorization: Bearer <token>`: viewers may only read (GET), members may also write,
and only admins manage users.
"""

from __future__ import annotations

import uuid

from fastapi import Request

from headwater.server.dependencies import ServerState, current_state
from headwater.server.errors import ApiError
from headwater.server.tokens import read_token
from headwater.store.logins import ServerRole, UserLogin

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_WRITERS = frozenset({ServerRole.MEMBER, ServerRole.ADMIN})


def authorize(request: Request) -> None:
    """Let the request through if its user may: anyone reads, members and admins write."""
    login = _logged_in(request)
    if login is None or request.method in READ_METHODS or login.role in _WRITERS:
        return
    raise _forbidden(login, f"{request.method} {request.url.path}", "member or admin")


def authorize_admin(request: Request) -> None:
    """Let the request through only if its user is an admin (in server mode)."""
    login = _logged_in(request)
    if login is None or login.role == ServerRole.ADMIN or request.method in READ_METHODS:
        return
    raise _forbidden(login, f"{request.method} {request.url.path}", "admin")


def _logged_in(request: Request) -> UserLogin | None:
    """The request's user in server mode; None in local mode.

    Raises:
        ApiError: 401, no token, or one that is malformed, forged, expired or whose user
            can no longer log in.
    """
    state = current_state(request)
    if state.auth_mode != "server":
        return None
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise _unauthorized("This server requires a login and the request sent no token.")
    user_id = read_token(state.token_secret, token.strip())
    login = None if user_id is None else find_login(state, user_id)
    if login is None:
        raise _unauthorized("The access token is invalid or has expired.")
    return login


def find_login(state: ServerState, name_or_id: uuid.UUID | str) -> UserLogin | None:
    """The login of a user of the served store, by name or id (None for a REST store)."""
    from headwater.store.sql.store import SqlStore

    store = state.session.store
    if not isinstance(store, SqlStore):
        return None
    return store.find_login(name_or_id)


def _unauthorized(reason: str) -> ApiError:
    return ApiError(
        401,
        "unauthorized",
        f"{reason} Log in with `headwater login URL --username NAME --password ...`.",
    )


def _forbidden(login: UserLogin, action: str, needed: str) -> ApiError:
    return ApiError(
        403,
        "forbidden",
        f"User '{login.name}' has the role '{login.role}', which may not {action}: it needs "
        f"{needed}. Ask an admin to change your role.",
        details={"role": login.role.value, "needs": needed},
    )
