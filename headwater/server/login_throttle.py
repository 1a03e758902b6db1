"""Limits on password guessing: failed logins counted per user name and per client address.

Every attempt counts as a failure until its password matches: so a burst of parallel
guesses cannot all slip past the check before the first one fails. A user name or an
address with `max_failures_*` failures in the last `window_seconds` is refused with a
429 and a `Retry-After` of when its oldest failure leaves the window; a refused attempt
is not counted, so waiting always helps. A success clears the user name's failures and
gives its own slot back to the address. Unknown names are counted like known ones, so
the limit tells no names apart.

A server counts in its database (`SharedLoginThrottle`, the `login_failures` table):
`headwater server start --workers N` runs N processes, and several servers may share one
PostgreSQL database behind a load balancer, so counts kept in a process would allow N
times the attempts. That costs one write transaction per attempt; Argon2 costs more. The
in-process `LoginThrottle` remains for stores that keep no logins and for tests.
"""

from __future__ import annotations

import dataclasses
import math
import os
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from fastapi import Request
from fastapi.responses import JSONResponse

from headwater.errors import ConfigurationError, TooManyLoginAttempts
from headwater.server.errors import error_response

if TYPE_CHECKING:
    from headwater.store.login_store import LoginStore

# Enough for a large attack's names and addresses in one window, small enough to keep in
# memory (a few MiB); past it the oldest entries are forgotten first.
MAX_TRACKED = 100_000
_VARIABLES = {
    "max_failures_per_user": "HEADWATER_LOGIN_MAX_FAILURES_PER_USER",
    "max_failures_per_address": "HEADWATER_LOGIN_MAX_FAILURES_PER_ADDRESS",
    "window_seconds": "HEADWATER_LOGIN_WINDOW_SECONDS",
    "hashing_threads": "HEADWATER_PASSWORD_HASHING_THREADS",
}


@dataclass(frozen=True, slots=True)
class LoginLimits:
    """How many failed logins a user name and an address may have per window, and how
    many password hashes the server computes at once."""

    max_failures_per_user: int = 5
    # Higher than per user: people behind one NAT or proxy share an address.
    max_failures_per_address: int = 20
    window_seconds: int = 300
    # Argon2 takes tens of milliseconds of a core and 64 MiB each: two at a time leave
    # the other requests room even while guessers hammer the login.
    hashing_threads: int = 2

    @classmethod
    def from_environment(cls) -> LoginLimits:
        """The limits set by `HEADWATER_LOGIN_*` and `HEADWATER_PASSWORD_HASHING_THREADS`.

        Raises:
            ConfigurationError: a variable is set to something else than a positive
                whole number (every such variable is listed).
        """
        values: dict[str, int] = {}
        problems = []
        for field in fields(cls):
            variable = _VARIABLES[field.name]
            raw = os.environ.get(variable)
            if raw is None:
                continue
            if not raw.strip().isdigit() or int(raw) < 1:
                problems.append(f"{variable} is '{raw}'")
                continue
            values[field.name] = int(raw)
        if problems:
            raise ConfigurationError(
                f"{'; '.join(problems)}: each must be a whole number of at least 1. Fix or "
                f"unset it (the defaults are in the README's team server section)."
            )
        return cls(**values)


async def answer_too_many_login_attempts(request: Request, exc: Exception) -> JSONResponse:
    """The app's handler of `TooManyLoginAttempts`: the error body and `Retry-After`."""
    assert isinstance(exc, TooManyLoginAttempts)
    response = error_response(exc.status_code, exc.code, str(exc))
    response.headers["Retry-After"] = str(exc.retry_after_seconds)
    return response


@dataclass
class LoginAttempt:
    """An attempt counted as a failure until `succeeded` says otherwise."""

    throttle: LoginThrottle
    user_key: str
    address_key: str
    at: float
    attempt_id: uuid.UUID = dataclasses.field(default_factory=uuid.uuid4)

    def succeeded(self) -> None:
        """Clear the user name's failures and take this attempt off the address."""
        self.throttle.forget_success(self)


class LoginThrottle:
    """Failed logins in a sliding window, per user name and per client address."""

    def __init__(
        self,
        limits: LoginLimits,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_tracked: int = MAX_TRACKED,
    ) -> None:
        self.limits = limits
        self._clock = clock
        self._max_tracked = max_tracked
        self._failures: dict[str, deque[float]] = {}
        # Routes run on the event loop, but tools may call from threads: one lock is cheap.
        self._lock = threading.Lock()

    def begin_attempt(self, username: str, address: str) -> LoginAttempt:
        """Count a login attempt as a failure until it succeeds.

        Raises:
            TooManyLoginAttempts: the user name or the address has too many failures.
        """
        user_key, address_key = f"user:{username}", f"address:{address}"
        with self._lock:
            now = self._clock()
            for key, limit, reason in (
                (user_key, self.limits.max_failures_per_user, f"for user '{username}'"),
                (address_key, self.limits.max_failures_per_address, f"from address '{address}'"),
            ):
                self._refuse_if_over(key, limit, reason, now)
            for key in (user_key, address_key):
                self._failures.setdefault(key, deque()).append(now)
            self._forget_beyond_capacity(now)
        return LoginAttempt(self, user_key, address_key, now)

    def forget_success(self, attempt: LoginAttempt) -> None:
        """Clear the failures of the attempt's user name, and the attempt's own slot."""
        with self._lock:
            self._failures.pop(attempt.user_key, None)
            times = self._failures.get(attempt.address_key)
            if times is not None and attempt.at in times:
                times.remove(attempt.at)

    def tracked_count(self) -> int:
        """How many user names and addresses have failures remembered."""
        with self._lock:
            return len(self._failures)

    def _refuse_if_over(self, key: str, limit: int, reason: str, now: float) -> None:
        times = self._failures.get(key)
        if times is None:
            return
        window = self.limits.window_seconds
        while times and times[0] <= now - window:
            times.popleft()
        if len(times) >= limit:
            wait = max(1, math.ceil(times[0] + window - now))
            raise TooManyLoginAttempts(
                f"There were {len(times)} failed logins {reason} in the last {window} s", wait
            )

    def _forget_beyond_capacity(self, now: float) -> None:
        if len(self._failures) <= self._max_tracked:
            return
        horizon = now - self.limits.window_seconds
        for key in [k for k, times in self._failures.items() if not times or times[-1] <= horizon]:
            del self._failures[key]
        # Still too many: forget the oldest-tracked first (dicts keep insertion order).
        while len(self._failures) > self._max_tracked:
            del self._failures[next(iter(self._failures))]


class SharedLoginThrottle(LoginThrottle):
    """The same limits, counted in the store's database: every worker process of a
    server (and every server on the same database) sees the same failures."""

    def __init__(
        self,
        limits: LoginLimits,
        store: LoginStore,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        # Wall-clock time: the processes sharing the counts share no monotonic clock.
        super().__init__(limits, clock=clock)
        self._store = store

    def begin_attempt(self, username: str, address: str) -> LoginAttempt:
        """See `LoginThrottle.begin_attempt`; one write transaction."""
        user_key, address_key = f"user:{username}", f"address:{address}"
        now = self._clock()
        attempt = LoginAttempt(self, user_key, address_key, now)
        refusal = self._store.begin_login_attempt(
            attempt.attempt_id,
            [
                (user_key, self.limits.max_failures_per_user),
                (address_key, self.limits.max_failures_per_address),
            ],
            self.limits.window_seconds,
            now,
        )
        if refusal is not None:
            reason = (
                f"for user '{username}'" if refusal.key == user_key else f"from address '{address}'"
            )
            window = self.limits.window_seconds
            wait = max(1, math.ceil(refusal.oldest + window - now))
            raise TooManyLoginAttempts(
                f"There were {refusal.failures} failed logins {reason} in the last {window} s",
                wait,
            )
        return attempt

    def forget_success(self, attempt: LoginAttempt) -> None:
        """See `LoginThrottle.forget_success`."""
        self._store.forget_login_success(attempt.attempt_id, attempt.user_key)
