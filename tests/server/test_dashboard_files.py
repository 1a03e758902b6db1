"""The built dashboard is served beside the API, with client-side routes and a fallback."""

from __future__ import annotations

import httpx


def test_without_a_build_every_page_says_how_to_build_the_dashboard(server):
    response = httpx.get(f"{server.url}/runs/some-run")

    assert response.status_code == 200
    assert "make dashboard" in response.text


def test_built_assets_are_served_and_unknown_paths_get_the_app(server, static_folder):
    (static_folder / "index.html").write_text("<div id=root>app</div>")
    (static_folder / "assets").mkdir()
    (static_folder / "assets" / "app.js").write_text("console.log(1)")

    asset = httpx.get(f"{server.url}/assets/app.js")
    client_route = httpx.get(f"{server.url}/runs/training-3/dag")

    assert asset.text == "console.log(1)"
    assert client_route.text == "<div id=root>app</div>"


def test_api_paths_never_fall_back_to_the_app(server, static_folder):
    (static_folder / "index.html").write_text("<div id=root>app</div>")

    response = httpx.get(f"{server.url}/api/v1/unknown")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_hashed_assets_are_cached_for_good_and_the_app_page_is_revalidated(server, static_folder):
    (static_folder / "index.html").write_text("<div id=root>app</div>")
    (static_folder / "assets").mkdir()
    (static_folder / "assets" / "app-1a2b3c.js").write_text("console.log(1)")
    (static_folder / "favicon.svg").write_text("<svg/>")

    asset = httpx.get(f"{server.url}/assets/app-1a2b3c.js")
    unhashed = httpx.get(f"{server.url}/favicon.svg")
    page = httpx.get(f"{server.url}/runs/training-3")

    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "cache-control" not in unhashed.headers
    assert page.headers["cache-control"] == "no-cache"
