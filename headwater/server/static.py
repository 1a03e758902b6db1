"""Serving the built dashboard: its files, and `index.html` for client-side routes.

The dashboard's build writes into `headwater/server/static/`. Until it has been built, every
page explains how to build it, while the API works as usual.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

STATIC_FOLDER = Path(__file__).parent / "static"
API_PREFIX = "/api/"
# The build names every file under assets/ by its content's hash: a browser may keep
# one for good and not ask again on each page (issue 19: the run page's two dozen
# chunks were revalidated on every visit).
HASHED_ASSETS = "assets/"
IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}

_NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Headwater</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto">
<h1>Headwater</h1>
<p>The API is running (see <a href="/api/v1/docs">/api/v1/docs</a>), but the dashboard has
not been built into this installation.</p>
<p>Build it from a clone of the repository with <code>make dashboard</code> (or
<code>cd dashboard &amp;&amp; npm ci &amp;&amp; npm run build</code>), which writes it into
<code>headwater/server/static/</code>, then reload this page.</p>
</body></html>
"""


def install_dashboard(app: FastAPI, folder: Path = STATIC_FOLDER) -> None:
    """Serve the dashboard in `folder` for every GET that is not an API route."""
    root = folder.resolve()

    @app.get("/{path:path}", include_in_schema=False)
    def serve_dashboard(path: str, request: Request) -> Response:
        if request.url.path.startswith(API_PREFIX) or request.url.path == API_PREFIX.rstrip("/"):
            raise HTTPException(404)
        index = root / "index.html"
        if not index.is_file():
            return HTMLResponse(_NOT_BUILT)
        asset = _asset(root, path)
        if asset is not None:
            return FileResponse(
                asset, headers=IMMUTABLE if path.startswith(HASHED_ASSETS) else None
            )
        # Any other path is a client-side route of the single-page app.
        return FileResponse(index, headers={"Cache-Control": "no-cache"})


def _asset(root: Path, path: str) -> Path | None:
    """The file at `path` under `root`, never outside it."""
    if not path or "\x00" in path:
        return None
    candidate = Path(os.path.realpath(root / path))
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate
