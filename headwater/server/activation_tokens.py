"""One-time activation links' tokens: `hwa_<link id>_<secret>`, made and read.

Built like API keys (`keys.py`): the link id finds the stored link in one lookup, the
secret is 256 random bits of which only the SHA-256 is stored.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from headwater.server.keys import hash_secret

TOKEN_PREFIX = "hwa_"
# Where the dashboard's page for setting the first password lives.
ACTIVATION_PAGE = "/activate"


@dataclass(frozen=True, slots=True)
class NewActivationToken:
    """A freshly made token: shown to the admin once, kept by the server as a hash."""

    id: uuid.UUID
    secret: str

    @property
    def raw(self) -> str:
        """The token as it appears in the link."""
        return f"{TOKEN_PREFIX}{self.id.hex}_{self.secret}"

    @property
    def secret_hash(self) -> str:
        """What the store keeps instead of the secret."""
        return hash_secret(self.secret)


def make_activation_token() -> NewActivationToken:
    """A new random activation token."""
    return NewActivationToken(id=uuid.uuid4(), secret=secrets.token_urlsafe(32))


def read_activation_token(raw: str) -> tuple[uuid.UUID, str] | None:
    """The link id and secret of a raw token; None if it is not one."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    link_id, separator, secret = raw.removeprefix(TOKEN_PREFIX).partition("_")
    if not separator or not secret or len(link_id) != 32:
        return None
    try:
        return uuid.UUID(hex=link_id), secret
    except ValueError:
        return None
