"""`StrictJsonBodies`: refuses JSON bodies holding values no store keeps, with a 422.

Python's JSON parser accepts `NaN`, `Infinity` and numbers too large for a float (they
become infinities), and any text may hold `\\u0000`; PostgreSQL refuses all of these
while SQLite keeps them, so without this guard one request would be kept by one store
and fail on another. Checking the raw body here covers every route and every nested
value (run specs, step parameters, metadata dicts) at once; typed fields are bounded by
their Pydantic types (`headwater.store.value_types`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from headwater.server.errors import error_response


class StrictJsonBodies:
    """ASGI middleware: a JSON body with a non-finite number or a NUL character gets a 422."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        received: list[Message] = []
        failure: Exception | None = None
        try:
            await _read_body(receive, received)
        except Exception as exc:  # the size limit's 413: raised again where the app reads
            failure = exc
        body = b"".join(message.get("body", b"") for message in received)
        problem = None if failure else unstorable_value(body)
        if problem is not None:
            response = error_response(
                422,
                "validation_error",
                f"The request body {problem}. Send finite numbers and text without NUL "
                f"characters (a non-finite metadata float may be sent as the text 'NaN').",
            )
            await response(scope, receive, send)
            return

        async def replay() -> Message:
            if received:
                return received.pop(0)
            if failure is not None:
                raise failure
            return await receive()

        await self.app(scope, replay, send)


def unstorable_value(body: bytes) -> str | None:
    """What in a JSON body no store keeps, said for an error message; None if all is well.

    A body that is not JSON at all is not this guard's concern: the route answers it.
    """
    if not body:
        return None
    try:
        parsed = json.loads(body, parse_constant=_refuse_constant, parse_float=_finite_float)
    except _NotFinite as exc:
        return f"holds the number '{exc}', which is not finite (JSON numbers must be finite)"
    except RecursionError:
        return "nests arrays or objects too deeply"
    except ValueError:
        return None
    # `\u0000` is the only way JSON text can hold a NUL: skip the walk when it is absent.
    if b"\\u0000" not in body:
        return None
    where = next(_nul_locations(parsed), None)
    return None if where is None else f"holds a NUL character (\\u0000) at '{where}'"


class _NotFinite(ValueError):
    """A number in the body that JSON cannot hold."""


async def _read_body(receive: Receive, received: list[Message]) -> None:
    while True:
        message = await receive()
        received.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


def _is_json(scope: Scope) -> bool:
    # Like FastAPI: a body without a content type is read as JSON too.
    content_type: bytes | None = dict(scope["headers"]).get(b"content-type")
    if content_type is None:
        return True
    media_type = content_type.split(b";", 1)[0].strip().lower()
    return media_type == b"application/json" or media_type.endswith(b"+json")


def _refuse_constant(name: str) -> Any:
    raise _NotFinite(name)


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise _NotFinite(text if len(text) <= 40 else f"{text[:40]}...")
    return number


def _nul_locations(value: Any) -> Iterator[str]:
    """Where NUL characters are, as `body.spec.steps[0]`; iterative, so depth is no limit."""
    pending: list[tuple[str, Any]] = [("body", value)]
    while pending:
        where, current = pending.pop()
        if isinstance(current, str):
            if "\x00" in current:
                yield where
        elif isinstance(current, dict):
            for key, item in current.items():
                if "\x00" in key:
                    yield f"{where} (a key)"
                pending.append((f"{where}.{key}", item))
        elif isinstance(current, list):
            pending.extend((f"{where}[{index}]", item) for index, item in enumerate(current))
