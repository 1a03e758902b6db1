"""Access tokens: a user id, an expiry, a token epoch and a token id, signed with
HMAC-SHA256 by the server's secret. The epoch is the user's when the token was issued; a
password change or "log out everywhere" bumps the user's, which ends every older token
(see `identity.py`). The id lets one token be ended alone: logging a browser out records
it as revoked. A worker token also names a run: it allows only what executing that run's
steps takes (see `run_tokens.py`).

The secret lives in `$HEADWATER_HOME/server_secret` (readable by its owner only) and is
made on first use; deleting it logs everybody out.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

SECRET_FILE = "server_secret"
DEFAULT_TOKEN_SECONDS = 12 * 3600


def load_or_create_secret(home: Path) -> bytes:
    """The signing secret of the server of `home`, created on first use."""
    path = home / SECRET_FILE
    try:
        # Owner-only from its first byte; a second server starting at once reads the first's.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text().strip())


@dataclass(frozen=True, slots=True)
class TokenClaims:
    """What a valid token says: whose it is, and the user's token epoch when issued."""

    user_id: uuid.UUID
    epoch: int
    # None for tokens issued before tokens had ids: they cannot be ended one by one.
    token_id: str | None = None
    expires: int = 0
    # Set for a worker token: the one run it may record into.
    run_id: uuid.UUID | None = None


def issue_token(
    secret: bytes,
    user_id: uuid.UUID,
    seconds: int = DEFAULT_TOKEN_SECONDS,
    *,
    epoch: int = 0,
    run_id: uuid.UUID | None = None,
) -> str:
    """A token naming `user_id` in token epoch `epoch`, valid for `seconds`; with
    `run_id`, a worker token that may record into that run alone."""
    claims: dict[str, str | int] = {
        "sub": str(user_id),
        "exp": int(time.time()) + seconds,
        "epo": epoch,
        "jti": secrets.token_hex(16),
    }
    if run_id is not None:
        claims["run"] = str(run_id)
    payload = _encode(json.dumps(claims, separators=(",", ":")).encode())
    return f"{payload}.{_signature(secret, payload)}"


def read_token(secret: bytes, token: str) -> TokenClaims | None:
    """The user id and epoch a token names; None if it is malformed, forged or expired."""
    payload, _, signature = token.partition(".")
    if not hmac.compare_digest(signature, _signature(secret, payload)):
        return None
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        expires = int(claims["exp"])
        if expires <= time.time():
            return None
        token_id = claims.get("jti")
        run_id = claims.get("run")
        # Tokens issued before epochs existed carry none: they are of the first epoch.
        return TokenClaims(
            uuid.UUID(str(claims["sub"])),
            int(claims.get("epo", 0)),
            token_id=None if token_id is None else str(token_id),
            expires=expires,
            run_id=None if run_id is None else uuid.UUID(str(run_id)),
        )
    except (ValueError, KeyError, TypeError):
        return None


def _signature(secret: bytes, payload: str) -> str:
    return _encode(hmac.new(secret, payload.encode(), hashlib.sha256).digest())


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
