"""Access tokens: a user id and an expiry, signed with HMAC-SHA256 by the server's secret.

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


def issue_token(secret: bytes, user_id: uuid.UUID, seconds: int = DEFAULT_TOKEN_SECONDS) -> str:
    """A token naming `user_id`, valid for `seconds`."""
    claims = {"sub": str(user_id), "exp": int(time.time()) + seconds}
    payload = _encode(json.dumps(claims, separators=(",", ":")).encode())
    return f"{payload}.{_signature(secret, payload)}"


def read_token(secret: bytes, token: str) -> uuid.UUID | None:
    """The user id a token names; None if it is malformed, forged or expired."""
    payload, _, signature = token.partition(".")
    if not hmac.compare_digest(signature, _signature(secret, payload)):
        return None
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        if int(claims["exp"]) <= time.time():
            return None
        return uuid.UUID(str(claims["sub"]))
    except (ValueError, KeyError, TypeError):
        return None


def _signature(secret: bytes, payload: str) -> str:
    return _encode(hmac.new(secret, payload.encode(), hashlib.sha256).digest())


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
