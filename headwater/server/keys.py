"""API keys of service accounts and users: `hwk_<key id>_<secret>`, made, read and checked.

The key id (32 hex digits) finds the stored key in one indexed lookup; the secret is 256
random bits, of which only the SHA-256 is stored. A fast hash is right here, unlike for
passwords: nobody can guess 256 random bits, so slowing down each request buys nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass

KEY_PREFIX = "hwk_"


@dataclass(frozen=True, slots=True)
class NewKey:
    """A freshly made key: its id and secret, shown to the caller once."""

    id: uuid.UUID
    secret: str

    @property
    def raw(self) -> str:
        """The key as the caller sends it: `Authorization: Bearer hwk_<id>_<secret>`."""
        return f"{KEY_PREFIX}{self.id.hex}_{self.secret}"

    @property
    def secret_hash(self) -> str:
        """What the store keeps instead of the secret."""
        return hash_secret(self.secret)


def make_key() -> NewKey:
    """A new random key."""
    return NewKey(id=uuid.uuid4(), secret=secrets.token_urlsafe(32))


def is_api_key(token: str) -> bool:
    """True if a bearer token looks like an API key rather than an access token."""
    return token.startswith(KEY_PREFIX)


def read_key(raw: str) -> tuple[uuid.UUID, str] | None:
    """The key id and secret of a raw key; None if it is not one."""
    key_id, separator, secret = raw.removeprefix(KEY_PREFIX).partition("_")
    if not is_api_key(raw) or not separator or not secret or len(key_id) != 32:
        return None
    try:
        return uuid.UUID(hex=key_id), secret
    except ValueError:
        return None


def hash_secret(secret: str) -> str:
    """The SHA-256 of a key's secret, in hex."""
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret_hash: str, secret: str) -> bool:
    """True if `secret` is the one `secret_hash` was made from (in constant time)."""
    return hmac.compare_digest(secret_hash, hash_secret(secret))
