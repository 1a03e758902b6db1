"""Argon2 password hashes: what the store keeps instead of a password."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from headwater.errors import ConfigurationError

_HASHER = PasswordHasher()
MIN_PASSWORD_LENGTH = 8


def hash_password(password: str) -> str:
    """The Argon2id hash of `password`, with its own salt.

    Raises:
        ConfigurationError: the password is shorter than `MIN_PASSWORD_LENGTH`.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ConfigurationError(
            f"The password is {len(password)} characters long; use at least {MIN_PASSWORD_LENGTH}."
        )
    return _HASHER.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    """True if `password` is the one `password_hash` was made from."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
