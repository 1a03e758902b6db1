"""Argon2 password hashes: what the store keeps instead of a password, and checking one.

Hashing is slow on purpose (tens of milliseconds of a core and 64 MiB each):
`PasswordHashing` runs it on worker threads, a few at a time, so the event loop and every
other request go on while logins are checked, even when guessers hammer the login.
"""

from __future__ import annotations

import functools
import secrets

import anyio
import anyio.to_thread
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


@functools.cache
def dummy_password_hash() -> str:
    """A hash of a random password nobody knows, made like every real one (same cost)."""
    return _HASHER.hash(secrets.token_urlsafe(32))


def _matches_or_costs_the_same(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        # Unknown names must not answer faster than known ones: that would list the users.
        password_matches(dummy_password_hash(), password)
        return False
    return password_matches(password_hash, password)


class PasswordHashing:
    """Argon2 off the event loop, at most `threads` hashes at once."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self._limiter: anyio.CapacityLimiter | None = None

    async def matches(self, password_hash: str | None, password: str) -> bool:
        """True if `password` fits `password_hash`; None (an unknown user, or one with no
        password) is checked against a dummy hash, so it costs the same and is False."""
        return await anyio.to_thread.run_sync(
            _matches_or_costs_the_same, password_hash, password, limiter=self._bounded()
        )

    async def hash(self, password: str) -> str:
        """`hash_password`, off the event loop.

        Raises:
            ConfigurationError: the password is too short.
        """
        return await anyio.to_thread.run_sync(hash_password, password, limiter=self._bounded())

    def _bounded(self) -> anyio.CapacityLimiter:
        # Made on first use: a limiter belongs to the event loop that serves the app.
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.threads)
        return self._limiter
