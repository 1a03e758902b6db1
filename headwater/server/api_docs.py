"""`/api/v1/docs`: Swagger UI over the API's schema, from files the server serves itself.

FastAPI's own page loads Swagger UI from a CDN. This one loads the copies the dashboard
build puts in `api-docs/` (from the pinned `swagger-ui-dist`), so the docs work offline
and under the same policy as the dashboard, with nothing fetched from elsewhere.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

ASSETS = "/api-docs"
# The page's one inline script starts Swagger UI; everything else comes from this server.
DOCS_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    )
)


def install_api_docs(app: FastAPI, *, docs_url: str, openapi_url: str) -> None:
    """Serve Swagger UI at `docs_url`, reading the schema from `openapi_url`."""

    @app.get(docs_url, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title="Headwater API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
            # No badge from the public validator: the page asks nothing of other hosts.
            swagger_ui_parameters={"validatorUrl": None},
        )
