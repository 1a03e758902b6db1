"""`SecurityHeaders`: the browser's security headers (CSP, framing, sniffing) on every answer.

The dashboard loads only its own scripts and may be framed only by itself. Styles may be
inline because ECharts writes its tooltips as HTML with `style` attributes and the
Markdown frame themes itself with a `<style>` element (a `srcdoc` frame inherits this
policy). User HTML (an artifact's visualization) answers with `VISUALIZATION_POLICY`,
which the route sets itself: an opaque-origin sandbox that may run its own inline
scripts but load or send nothing. The API docs page gets `api_docs.DOCS_POLICY`: its own
files and the one inline script that starts Swagger UI.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from headwater.server.api_docs import DOCS_POLICY

DASHBOARD_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    )
)
# Scripts and styles only inline (no URL may load code), no requests at all (no
# connect-src, so default-src 'none' applies), framed only by the dashboard.
VISUALIZATION_POLICY = "; ".join(
    (
        "sandbox allow-scripts",
        "default-src 'none'",
        "script-src 'unsafe-inline'",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "font-src data:",
        "media-src data: blob:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self'",
    )
)
_HEADERS = {
    "X-Frame-Options": "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class SecurityHeaders:
    """ASGI middleware: adds the security headers an answer does not set itself.

    A route that sets its own `Content-Security-Policy` (an artifact's visualization)
    keeps it; answers under `docs_path` get the docs page's policy.
    """

    def __init__(self, app: ASGIApp, *, docs_path: str) -> None:
        self.app = app
        self.docs_path = docs_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope["path"])
        is_docs = path == self.docs_path or path.startswith(f"{self.docs_path}/")
        policy = DOCS_POLICY if is_docs else DASHBOARD_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", policy)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
