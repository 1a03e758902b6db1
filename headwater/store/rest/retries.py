"""`RetryPolicy`: which failed requests the REST store sends again, and how long it waits.

A server restart should cost a run a pause, not its work. So a request that fails because
the server is not there (refused connection, timeout, a proxy's 502/503/504, 429 with
`Retry-After`) is sent again, with exponential backoff and jitter, until the retry window
(`HEADWATER_REST_RETRY_SECONDS`, default 60) is used up. Any other 4xx is an answer, and
is never retried.

Whether a request may be sent again depends on whether the server may have acted on it:

- a request that never reached the server (the connection was refused), or that the
  server said it did not process (408, 429, 503), is always retried;
- a request whose answer was lost (the connection broke, a read timed out, 502, 504) is
  retried only when repeating it is harmless: reads, writes that set a value (a
  heartbeat, metadata), and writes that carry an `Idempotency-Key`, which the server
  applies once however often it receives them (see `headwater.store.idempotency`).
"""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass

import httpx

from headwater.config import DEFAULT_REST_RETRY_SECONDS

# The server said it did not act on the request: always safe to send again.
NOT_PROCESSED_STATUSES = frozenset({408, 429, 503})
# A gateway lost the server's answer: the request may have been applied.
ANSWER_LOST_STATUSES = frozenset({502, 504})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How long to keep trying, and how long to wait between two tries.

    Args:
        total_seconds: The retry window: no retry starts after it (0: never retry).
        first_delay: The wait before the first retry; each later wait doubles it.
        max_delay: The longest wait between two tries.
    """

    total_seconds: float = DEFAULT_REST_RETRY_SECONDS
    first_delay: float = 0.1
    max_delay: float = 5.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number `attempt` (from 0), jittered.

        The jitter keeps many clients of one restarted server from retrying in lockstep.
        """
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_delay)
        ceiling = min(self.max_delay, self.first_delay * 2**attempt)
        return random.uniform(ceiling / 2, ceiling)


def is_transient(outcome: httpx.Response | httpx.HTTPError, *, is_repeatable: bool) -> bool:
    """Whether a request that ended with `outcome` should be sent again."""
    if isinstance(outcome, httpx.Response):
        if outcome.status_code in NOT_PROCESSED_STATUSES:
            return True
        return is_repeatable and outcome.status_code in ANSWER_LOST_STATUSES
    if isinstance(outcome, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return True  # the request never left this process
    return is_repeatable and isinstance(outcome, httpx.TransportError)


def retry_after_seconds(outcome: httpx.Response | httpx.HTTPError) -> float | None:
    """The wait a 429 or 503 asks for in `Retry-After` (seconds or an HTTP date)."""
    if not isinstance(outcome, httpx.Response):
        return None
    value = outcome.headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return moment.timestamp() - time.time()


def describe(outcome: httpx.Response | httpx.HTTPError) -> str:
    """A short account of one failed try, for warnings and the final error."""
    if isinstance(outcome, httpx.Response):
        return f"it answered {outcome.status_code}: {_message_of(outcome)}"
    return f"{type(outcome).__name__}: {outcome}" if str(outcome) else type(outcome).__name__


def _message_of(response: httpx.Response) -> str:
    try:
        return str(response.json()["message"])
    except (ValueError, KeyError, TypeError):
        return response.reason_phrase or response.text[:200]
