"""Browser sessions: the session cookie, its CSRF token, and the check on unsafe methods.

`POST /sessions` sets two cookies. `headwater_session` holds an access token (the same
HMAC token as `POST /login`), HttpOnly so page scripts never read it, SameSite=Strict so
no other site's page sends it. `headwater_csrf` is readable by the dashboard, which echoes
it in `X-CSRF-Token` on every POST, PUT, PATCH and DELETE: a page of another origin can
make the browser send the cookie but cannot read it. The CSRF token is an HMAC of the
session token, so it cannot be planted or reused with another session.
"""

from __future__ import annotations

import hashlib
import hmac

from fastapi import Request, Response

SESSION_COOKIE = "headwater_session"
CSRF_COOKIE = "headwater_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def csrf_token(secret: bytes, session_token: str) -> str:
    """The CSRF token that goes with a session token."""
    return hmac.new(secret, b"csrf:" + session_token.encode(), hashlib.sha256).hexdigest()


def set_session_cookies(
    response: Response, request: Request, *, secret: bytes, session_token: str, seconds: int
) -> None:
    """Set the session and CSRF cookies (Secure when the request came over https)."""
    is_https = request.url.scheme == "https"
    for name, value, is_http_only in (
        (SESSION_COOKIE, session_token, True),
        (CSRF_COOKIE, csrf_token(secret, session_token), False),
    ):
        response.set_cookie(
            name,
            value,
            max_age=seconds,
            path="/",
            secure=is_https,
            httponly=is_http_only,
            samesite="strict",
        )


def clear_session_cookies(response: Response, request: Request) -> None:
    """Expire both cookies in the browser."""
    for name, is_http_only in ((SESSION_COOKIE, True), (CSRF_COOKIE, False)):
        response.delete_cookie(
            name,
            path="/",
            secure=request.url.scheme == "https",
            httponly=is_http_only,
            samesite="strict",
        )


def has_valid_csrf_token(request: Request, secret: bytes, session_token: str) -> bool:
    """True for a safe method, or an unsafe one whose `X-CSRF-Token` fits the session."""
    if request.method in SAFE_METHODS:
        return True
    sent = request.headers.get(CSRF_HEADER, "")
    return bool(sent) and hmac.compare_digest(sent, csrf_token(secret, session_token))
