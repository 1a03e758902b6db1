"""The server this machine logged in to, and its token, kept in `$HEADWATER_HOME`.

`headwater login URL` writes `credentials.json`; from then on the SDK's store is that
server (unless `HEADWATER_STORE_URL` says otherwise). `HEADWATER_API_KEY` overrides the
saved token, for CI jobs and service accounts.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

CREDENTIALS_FILE = "credentials.json"
API_KEY_VARIABLE = "HEADWATER_API_KEY"


@dataclass(frozen=True, slots=True)
class Credentials:
    """A server URL and the token to send it (None when it needs no login)."""

    url: str
    token: str | None


def credentials_path(home: Path) -> Path:
    """Where the login of `home` is saved."""
    return home / CREDENTIALS_FILE


def save_credentials(home: Path, credentials: Credentials) -> None:
    """Save a login, readable by this user only."""
    path = credentials_path(home)
    path.write_text(json.dumps({"url": credentials.url, "token": credentials.token}))
    path.chmod(0o600)


def load_credentials(home: Path) -> Credentials | None:
    """The saved login of `home`, if there is a readable one."""
    try:
        saved = json.loads(credentials_path(home).read_text())
        return Credentials(url=str(saved["url"]), token=saved.get("token"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def forget_credentials(home: Path) -> bool:
    """Delete the saved login; True if there was one."""
    path = credentials_path(home)
    existed = path.exists()
    path.unlink(missing_ok=True)
    return existed


def token_for(url: str, home: Path) -> str | None:
    """The token to send to the server at `url`: the API key variable, else the saved one."""
    key = os.environ.get(API_KEY_VARIABLE)
    if key:
        return key
    saved = load_credentials(home)
    if saved is not None and saved.url.rstrip("/") == url.rstrip("/"):
        return saved.token
    return None
