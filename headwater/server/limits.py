"""`RequestSizeLimit`: refuses request bodies above a byte limit with a 413."""

from __future__ import annotations

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from headwater.server.errors import error_response

# Large enough for a step's end with thousands of outputs and metadata entries.
DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024


class RequestSizeLimit:
    """ASGI middleware: a body over `max_bytes` (declared or streamed) gets a 413."""

    def __init__(self, app: ASGIApp, *, max_bytes: int = DEFAULT_MAX_REQUEST_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            response = error_response(413, "request_too_large", self._message())
            await response(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            # A chunked body has no length up front: count it as it arrives.
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise HTTPException(413, detail=self._message())
            return message

        await self.app(scope, counting_receive, send)

    def _message(self) -> str:
        return (
            f"The request body is larger than the server's limit of {self.max_bytes} bytes. "
            f"Send less per request (for example fewer metadata entries at once)."
        )
