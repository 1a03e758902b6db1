"""`Transport`: HTTP requests to a Headwater server, retried while it restarts.

Failed requests are retried as `headwater.store.rest.retries` decides; errors the server
answers are turned back into ours.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from typing import Any

import httpx

from headwater.config import REST_RETRY_VARIABLE, rest_retry_seconds
from headwater.errors import ConfigurationError, HeadwaterError, StoreError
from headwater.store.error_codes import error_class, error_class_of_status
from headwater.store.idempotency import IDEMPOTENCY_HEADER
from headwater.store.rest.retries import (
    RetryPolicy,
    describe,
    is_transient,
    retry_after_seconds,
)

API_PREFIX = "/api/v1"
TIMEOUT_SECONDS = 60.0
_READS = frozenset({"GET", "HEAD", "OPTIONS"})

logger = logging.getLogger(__name__)


def new_idempotency_key() -> str:
    """A fresh key for one logical write, sent again with each of its retries."""
    return uuid.uuid4().hex


def _checked_url(url: str) -> str:
    """`url` as given, once it is known to be a usable server address."""
    try:
        host = httpx.URL(url).host
    except httpx.InvalidURL as exc:
        raise ConfigurationError(
            f"'{url}' is not a valid server URL: {exc}. Give it as 'http://HOST:PORT', such "
            f"as 'http://127.0.0.1:8237' (an IPv6 host in brackets: 'http://[::1]:8237')."
        ) from None
    if not host:
        raise ConfigurationError(
            f"'{url}' names no host. Give the server as 'http://HOST:PORT', such as "
            f"'http://127.0.0.1:8237'."
        )
    return url


class Transport:
    """One connection pool to a server; safe to share between threads.

    Args:
        url: The server's base URL, such as `http://127.0.0.1:8237`.
        token: A bearer token (an access token or an API key), if the server needs one.
        retry: How long to retry requests the server does not answer; by default for
            `HEADWATER_REST_RETRY_SECONDS`.
    """

    def __init__(
        self, url: str, token: str | None = None, *, retry: RetryPolicy | None = None
    ) -> None:
        self.url = _checked_url(url).rstrip("/")
        self.retry = retry or RetryPolicy(total_seconds=rest_retry_seconds())
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._client = httpx.Client(
            base_url=self.url + API_PREFIX, headers=headers, timeout=TIMEOUT_SECONDS
        )
        self._lock = threading.Lock()
        # How many requests this transport sent: recording must stay bounded per step.
        self.requests_sent = 0

    def call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: Any = None,
        idempotency_key: str | None = None,
        is_repeatable: bool = False,
        retry_seconds: float | None = None,
    ) -> Any:
        """Send one request, retrying while the server is away; return its decoded JSON.

        Args:
            method: The HTTP method.
            path: The path under `/api/v1`.
            body: The JSON body, if any.
            params: The query parameters, if any.
            idempotency_key: Sent as `Idempotency-Key`, so the server applies the write
                once however often a lost answer makes us send it.
            is_repeatable: The write does no harm when applied twice (it sets a value),
                so it may be resent when its answer was lost. Reads always may.
            retry_seconds: A shorter retry window for this call than the transport's.

        Returns:
            The decoded body, or None for a 204 or an empty body.

        Raises:
            HeadwaterError: the server answered with an error (the class its code names).
            StoreError: the server did not answer within the retry window, or answered
                something unreadable.
        """
        headers = {IDEMPOTENCY_HEADER: idempotency_key} if idempotency_key else None
        repeatable = is_repeatable or idempotency_key is not None or method in _READS
        window = self.retry.total_seconds if retry_seconds is None else retry_seconds
        started = time.monotonic()
        attempt = 0
        while True:
            outcome = self._send(method, path, body=body, params=params, headers=headers)
            if not is_transient(outcome, is_repeatable=repeatable):
                return _answer(outcome, self.url)
            waited = time.monotonic() - started
            remaining = window - waited
            if remaining <= 0:
                raise self._gave_up(method, path, outcome, waited, window) from _cause(outcome)
            pause = min(self.retry.delay(attempt, retry_after_seconds(outcome)), remaining)
            logger.warning(
                "The Headwater server at %s has not answered %s %s for %.1f s (%s); "
                "retrying in %.2f s, for up to %.0f s in all (%s).",
                self.url,
                method,
                path,
                waited,
                describe(outcome),
                pause,
                window,
                REST_RETRY_VARIABLE,
            )
            time.sleep(pause)
            attempt += 1

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def _send(
        self,
        method: str,
        path: str,
        *,
        body: Any,
        params: Any,
        headers: dict[str, str] | None,
    ) -> httpx.Response | httpx.HTTPError:
        with self._lock:
            self.requests_sent += 1
        try:
            return self._client.request(method, path, json=body, params=params, headers=headers)
        except httpx.HTTPError as exc:
            return exc

    def _gave_up(
        self,
        method: str,
        path: str,
        outcome: httpx.Response | httpx.HTTPError,
        waited: float,
        window: float,
    ) -> StoreError:
        tried = (
            f"tried for {waited:.1f} s, the retry window of {window:g} s"
            if window > 0
            else "not retried"
        )
        return StoreError(
            f"Cannot reach the Headwater server at '{self.url}': {method} {path} failed "
            f"({describe(outcome)}; {tried}). Start it with `headwater up`, check the URL "
            f"you logged in to, or wait longer by raising {REST_RETRY_VARIABLE}."
        )


def _answer(outcome: httpx.Response | httpx.HTTPError, url: str) -> Any:
    """The decoded body of a final outcome, or the error it stands for."""
    if isinstance(outcome, httpx.HTTPError):
        raise StoreError(
            f"Cannot reach the Headwater server at '{url}': {describe(outcome)}. Start it "
            f"with `headwater up`, or check the URL you logged in to."
        ) from outcome
    if outcome.status_code >= 400:
        raise _error_from(outcome, url)
    if outcome.status_code == 204 or not outcome.content:
        return None
    return outcome.json()


def _cause(outcome: httpx.Response | httpx.HTTPError) -> BaseException | None:
    return outcome if isinstance(outcome, httpx.HTTPError) else None


def _error_from(response: httpx.Response, url: str) -> HeadwaterError:
    try:
        body = response.json()
        code, message = str(body["code"]), str(body["message"])
    except (ValueError, KeyError, TypeError):
        # A proxy in front of the server (or an older server) answers without our body;
        # its status still says which of the SQL store's exceptions the caller expects.
        unread_type = error_class_of_status(response.status_code) or StoreError
        return unread_type(
            f"The Headwater server at '{url}' answered {response.status_code} to "
            f"{response.request.method} {response.request.url.path}: {response.text[:300]}"
        )
    error_type = error_class(code)
    if error_type is None or not issubclass(error_type, StoreError):
        error_type = error_class_of_status(response.status_code) or StoreError
    try:
        return error_type(message)
    except TypeError:  # an error class that needs more than a message
        return StoreError(message)
