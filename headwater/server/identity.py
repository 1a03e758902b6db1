"""Who is calling: the logged-in user of a request, from the credentials it carries.

In local mode (`headwater up` without `--auth`) nobody logs in and this answers None. In
server mode every route but health and login needs a user, sent as
`Authorization: Bearer <token>`: an access token from `POST /login` (`tokens.py`) or a
API key of a service account or a user's own (`keys.py`); or, from a browser, the session cookie of
`POST /sessions` with its CSRF token on writes (`cookies.py`). `access.py` decides what
that user may do; a worker token (`run_tokens.py`) narrows it to one run.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from fastapi import Request

from headwater.errors import ApiError
from headwater.server.cookies import (
    CSRF_COOKIE,
    CSRF_HEADER,
    SESSION_COOKIE,
    has_valid_csrf_token,
)
from headwater.server.dependencies import ServerState, current_state
from headwater.server.keys import is_api_key, read_key, secret_matches
from headwater.server.run_tokens import check_worker_operation, is_run_unfinished
from headwater.server.tokens import read_token
from headwater.store.factory import login_store_of
from headwater.store.logins import UserLogin
from headwater.store.models import utc_now

if TYPE_CHECKING:
    from headwater.store.login_store import LoginStore

# Who every request is in local mode, and whom runs are recorded as by default.
LOCAL_USER_NAME = "default"
# How precisely an API key's `last_used` is kept.
KEY_USE_RESOLUTION = dt.timedelta(seconds=60)


def current_login(request: Request) -> UserLogin | None:
    """The request's user in server mode; None in local mode.

    Raises:
        ApiError: 401, no token, or one that is malformed, forged, expired or whose user
            can no longer log in.
    """
    state = current_state(request)
    if state.auth_mode != "server":
        return None
    # Asked by the access check and again by routes that record an author: look up once.
    cached: UserLogin | None = getattr(request.state, "headwater_login", None)
    if cached is not None:
        return cached
    login = _login_from_credentials(request, state)
    request.state.headwater_login = login
    return login


def worker_run_id(request: Request) -> uuid.UUID | None:
    """The run a request's worker token is scoped to; None for any other credentials."""
    found: uuid.UUID | None = getattr(request.state, "headwater_worker_run_id", None)
    return found


def _login_from_credentials(request: Request, state: ServerState) -> UserLogin:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() == "bearer" and token:
        login = _login_from_bearer(state, token)
        claims = None if is_api_key(token) else read_token(state.token_secret, token)
        if claims is not None and claims.run_id is not None:
            if not is_run_unfinished(state.session.store, claims.run_id):
                raise unauthorized(
                    f"The worker token's run '{claims.run_id}' has ended: its workers have "
                    f"nothing left to record."
                )
            check_worker_operation(request, claims.run_id)
            request.state.headwater_worker_run_id = claims.run_id
        return login
    session_token = request.cookies.get(SESSION_COOKIE)
    if session_token:
        return _login_from_cookie(request, state, session_token)
    raise unauthorized("This server requires a login and the request sent no token.")


def _login_from_bearer(state: ServerState, token: str) -> UserLogin:
    if is_api_key(token):
        return _login_from_key(state, token)
    login = _login_from_token(state, token)
    if login is None:
        raise unauthorized(
            "The access token is invalid or has expired, or the password changed since it "
            "was issued."
        )
    return login


def _login_from_token(state: ServerState, token: str) -> UserLogin | None:
    """The user an access token names, unless it was ended: by logging out (its id is
    revoked), or by a new password or "log out everywhere" (its epoch is old)."""
    claims = read_token(state.token_secret, token)
    login = None if claims is None else find_login(state, claims.user_id)
    if login is None or claims is None or claims.epoch != login.token_epoch:
        return None
    if claims.token_id is not None and login_store(state).is_token_revoked(claims.token_id):
        return None
    return login


def end_token(state: ServerState, token: str) -> None:
    """Refuse a still valid access token from now on (nothing to do for an invalid one)."""
    claims = read_token(state.token_secret, token)
    if claims is None or claims.token_id is None:
        return
    expires = dt.datetime.fromtimestamp(claims.expires, tz=dt.UTC)
    login_store(state).revoke_token(claims.token_id, claims.user_id, expires)


def _login_from_cookie(request: Request, state: ServerState, session_token: str) -> UserLogin:
    """The user of a browser session; unsafe methods must also carry its CSRF token."""
    login = _login_from_token(state, session_token)
    if login is None:
        raise unauthorized("The session has ended (it expired, or the password changed).")
    claims = read_token(state.token_secret, session_token)
    if claims is not None and claims.run_id is not None:
        raise unauthorized("A worker token is sent as a bearer token, never as a cookie.")
    # The cookie is ambient (the browser sends it whichever page asks): a write must
    # prove it comes from our own page, which alone can read the CSRF cookie.
    if not has_valid_csrf_token(request, state.token_secret, session_token):
        raise ApiError(
            403,
            "csrf_failed",
            f"{request.method} {request.url.path} was sent with the session cookie but "
            f"without a matching '{CSRF_HEADER}' header. Send the value of the "
            f"'{CSRF_COOKIE}' cookie in it (the dashboard does), or use a bearer token.",
        )
    return login


def _login_from_key(state: ServerState, raw_key: str) -> UserLogin:
    """The account (a service account or a user) an API key authenticates; notes its use."""
    store = login_store(state)
    parsed = read_key(raw_key)
    found = None if parsed is None else store.find_key_login(parsed[0])
    now = utc_now()
    if (
        parsed is None
        or found is None
        or not secret_matches(found.secret_hash, parsed[1])
        or (found.key.expires is not None and found.key.expires <= now)
    ):
        raise unauthorized("The API key is invalid, revoked or expired, or its account is off.")
    last_used = found.key.last_used
    # At most one write a minute per key: every request of a busy CI job would queue
    # behind the store's writers otherwise.
    if last_used is None or now - last_used > KEY_USE_RESOLUTION:
        store.mark_key_used(found.key.id, now)
    return found.login


def author_name(request: Request, claimed: str) -> str:
    """Whom a write is recorded as: in server mode the logged-in user, whatever the body
    claims; in local mode the name the body gives.

    Raises:
        ApiError: 401 in server mode without valid credentials.
    """
    login = current_login(request)
    return claimed if login is None else login.name


def find_login(state: ServerState, name_or_id: uuid.UUID | str) -> UserLogin | None:
    """The login of a user of the served store, by name or id (None for a REST store)."""
    logins = login_store_of(state.session.store)
    return None if logins is None else logins.find_login(name_or_id)


def local_user_id(state: ServerState) -> uuid.UUID:
    """The id of the default user, whom every request is in local mode (made on first use)."""
    logins = login_store_of(state.session.store)
    if logins is not None:
        return logins.ensure_user(LOCAL_USER_NAME)
    return state.session.store.get_user(LOCAL_USER_NAME).id


def login_store(state: ServerState) -> LoginStore:
    """The served store's logins, service accounts and keys.

    Raises:
        ApiError: 400 if the server serves a store that keeps no logins (a REST store).
    """
    logins = login_store_of(state.session.store)
    if logins is None:
        raise ApiError(400, "bad_request", "This server's store cannot keep user logins.")
    return logins


def unauthorized(reason: str) -> ApiError:
    """A 401 saying why, and how to log in."""
    return ApiError(
        401,
        "unauthorized",
        f"{reason} Log in with `headwater login URL --username NAME --password ...` (or "
        f"the dashboard's login page).",
    )
