"""What the logged-in user of a request may do: the server-level role checks.

In local mode (`headwater up` without `--auth`) every request is the default user's and
nothing is checked. In server mode every route but health and login needs a valid
`Authorization: Bearer <token>`: viewers may only read (GET), members may also write,
and only admins manage users.
"""

from __future__ import annotations

from fastapi import Request

from headwater.server.errors import ApiError
from headwater.server.identity import current_login
from headwater.store.logins import ServerRole, UserLogin

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_WRITERS = frozenset({ServerRole.MEMBER, ServerRole.ADMIN})


def authorize(request: Request) -> None:
    """Let the request through if its user may: anyone reads, members and admins write."""
    login = current_login(request)
    if login is None or request.method in READ_METHODS or login.role in _WRITERS:
        return
    raise _forbidden(login, f"{request.method} {request.url.path}", "member or admin")


def authorize_admin(request: Request) -> None:
    """Let the request through only if its user is an admin (in server mode)."""
    login = current_login(request)
    if login is None or login.role == ServerRole.ADMIN or request.method in READ_METHODS:
        return
    raise _forbidden(login, f"{request.method} {request.url.path}", "admin")


def _forbidden(login: UserLogin, action: str, needed: str) -> ApiError:
    return ApiError(
        403,
        "forbidden",
        f"User '{login.name}' has the role '{login.role}', which may not {action}: it needs "
        f"{needed}. Ask an admin to change your role.",
        details={"role": login.role.value, "needs": needed},
    )
