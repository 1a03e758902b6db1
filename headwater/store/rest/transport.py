"""`Transport`: HTTP requests to a Headwater server, with its errors turned back into ours."""

from __future__ import annotations

import threading
from typing import Any

import httpx

from headwater.errors import HeadwaterError, StoreError
from headwater.store.error_codes import error_class

API_PREFIX = "/api/v1"
TIMEOUT_SECONDS = 60.0


class Transport:
    """One connection pool to a server; safe to share between threads.

    Args:
        url: The server's base URL, such as `http://127.0.0.1:8237`.
        token: A bearer token (an access token or an API key), if the server needs one.
    """

    def __init__(self, url: str, token: str | None = None) -> None:
        self.url = url.rstrip("/")
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
    ) -> Any:
        """Send one request and return its decoded JSON body (None for a 204).

        Raises:
            HeadwaterError: the server answered with an error (the class its code names).
            StoreError: the server cannot be reached, or answered something unreadable.
        """
        with self._lock:
            self.requests_sent += 1
        try:
            response = self._client.request(method, path, json=body, params=params)
        except httpx.HTTPError as exc:
            raise StoreError(
                f"Cannot reach the Headwater server at '{self.url}': {exc}. Start it with "
                f"`headwater up`, or check the URL you logged in to."
            ) from exc
        if response.status_code >= 400:
            raise _error_from(response, self.url)
        if response.status_code == 204 or not response.content:
            return None
        return response.json()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()


def _error_from(response: httpx.Response, url: str) -> HeadwaterError:
    try:
        body = response.json()
        code, message = str(body["code"]), str(body["message"])
    except (ValueError, KeyError, TypeError):
        return StoreError(
            f"The Headwater server at '{url}' answered {response.status_code} to "
            f"{response.request.method} {response.request.url.path}: {response.text[:300]}"
        )
    error_type = error_class(code)
    if error_type is None or not issubclass(error_type, StoreError):
        error_type = StoreError
    try:
        return error_type(message)
    except TypeError:  # an error class that needs more than a message
        return StoreError(message)
