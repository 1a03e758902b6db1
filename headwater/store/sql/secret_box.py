"""Component secrets at rest: every value encrypted with Fernet under a key of the server.

The key is `HEADWATER_SECRETS_KEY` when set (a Fernet key: every process that opens the
same database directly must share it), else the file `$HEADWATER_HOME/secrets_key`,
made on first use and readable by its owner only. A database dump, backup or stolen
file then holds no secret in clear. Values are stored as `fernet:<token>`; a value
without the prefix was written before encryption and is read as it is until the
component's secrets are next written (`SqlStore` seals such values when it opens).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from headwater.config import home_folder
from headwater.errors import ConfigurationError

if TYPE_CHECKING:
    # Loaded when a secret is sealed or opened: a run on a stack without secrets never is.
    from cryptography.fernet import Fernet

KEY_VARIABLE = "HEADWATER_SECRETS_KEY"
KEY_FILE = "secrets_key"
_PREFIX = "fernet:"
_ciphers: dict[str, Fernet] = {}
_lock = threading.Lock()


def seal_secrets(secrets: dict[str, str]) -> dict[str, str]:
    """The secrets with every value encrypted (values already sealed stay as they are)."""
    if not secrets:
        return {}
    cipher = _cipher()
    return {
        name: value if is_sealed(value) else _PREFIX + cipher.encrypt(value.encode()).decode()
        for name, value in secrets.items()
    }


def open_secrets(secrets: dict[str, str], *, component: str) -> dict[str, str]:
    """The secrets in clear.

    Raises:
        ConfigurationError: they were sealed with another key than this process has.
    """
    if not any(is_sealed(value) for value in secrets.values()):
        return dict(secrets)
    from cryptography.fernet import InvalidToken

    cipher = _cipher()
    try:
        return {
            name: cipher.decrypt(value.removeprefix(_PREFIX).encode()).decode()
            if is_sealed(value)
            else value
            for name, value in secrets.items()
        }
    except InvalidToken:
        raise ConfigurationError(
            f"The secrets of stack component '{component}' were encrypted with another key "
            f"than this process has. Set {KEY_VARIABLE} to the key of the server that "
            f"stored them (the content of its $HEADWATER_HOME/{KEY_FILE})."
        ) from None


def is_sealed(value: str) -> bool:
    """Whether a stored value is encrypted."""
    return value.startswith(_PREFIX)


def _cipher() -> Fernet:
    from cryptography.fernet import Fernet

    configured = os.environ.get(KEY_VARIABLE)
    source = configured or str(home_folder() / KEY_FILE)
    with _lock:
        found = _ciphers.get(source)
        if found is None:
            key = configured.encode() if configured else _load_or_create_key(Path(source))
            try:
                found = _ciphers[source] = Fernet(key)
            except ValueError:
                raise ConfigurationError(
                    f"{KEY_VARIABLE} is not a Fernet key (32 url-safe base64-encoded bytes). "
                    f"Make one with `python -c 'from cryptography.fernet import Fernet; "
                    f"print(Fernet.generate_key().decode())'`."
                ) from None
        return found


def _load_or_create_key(path: Path) -> bytes:
    """The key in `path`, written there first (owner-only, never half-written) if absent."""
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it a moment ago
        return path.read_bytes().strip()
    from cryptography.fernet import Fernet

    key = Fernet.generate_key()
    with os.fdopen(descriptor, "wb") as file:
        file.write(key)
    return key
