"""Every answer carries the browser's security headers; user HTML gets a stricter policy."""

from __future__ import annotations

from typing import Annotated

import httpx

from headwater import Materializer, pipeline, step
from headwater.artifacts import SavedVisualization
from headwater.server.app import create_app
from headwater.server.serving import BackgroundServer
from headwater.session import get_session


class Report(str):
    """Text a step hands back as a ready-made HTML page."""


class ReportMaterializer(Materializer):
    """Saves a `Report` as text and shows it as an HTML visualization."""

    ASSOCIATED_TYPES = (Report,)

    def save(self, data: Report) -> None:
        self.fs.pipe_file(self.file_path("report.html"), data.encode())

    def load(self, data_type: type) -> Report:
        return Report(self.fs.cat_file(self.file_path("report.html")).decode())

    def save_visualizations(self, data: Report) -> list[SavedVisualization]:
        return [self.write_visualization("report", "html", data.encode(), extension="html")]


@step(output_materializers=ReportMaterializer)
def write_report() -> Annotated[Report, "report"]:
    return Report("<h1>Scores</h1><script>document.title = 'ran'</script>")


@pipeline
def reporting() -> None:
    write_report()


def _directives(response: httpx.Response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    pairs = (directive.strip().partition(" ") for directive in policy.split(";"))
    return {name: value for name, _, value in pairs if name}


def _html_visualization_url(api: httpx.Client) -> str:
    reporting()
    params = {"artifact_name": "report"}
    versions = api.get("/artifact-versions", params=params).json()["items"]
    return f"/artifact-versions/{versions[0]['id']}/visualizations/0"


def test_an_api_answer_carries_the_security_headers(api):
    response = api.get("/health")

    assert response.status_code == 200
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert _directives(response)["frame-ancestors"] == "'self'"


def test_an_api_error_carries_the_security_headers(api):
    response = api.get("/runs/not-a-run")

    assert response.status_code == 404
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src" in _directives(response)


def test_a_body_refused_as_too_large_carries_the_security_headers(static_folder):
    app = create_app(get_session(), static_folder=static_folder, max_request_bytes=16)

    with BackgroundServer(app) as server:
        response = httpx.post(f"{server.url}/api/v1/runs", content=b"{}" * 64)

    assert response.status_code == 413
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert "script-src" in _directives(response)


def test_the_dashboard_may_load_only_its_own_scripts(server, static_folder):
    (static_folder / "index.html").write_text("<div id=root>app</div>")

    response = httpx.get(f"{server.url}/runs/training-3")

    directives = _directives(response)
    assert response.text == "<div id=root>app</div>"
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["img-src"] == "'self' data: blob:"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_a_dashboard_asset_carries_the_security_headers(server, static_folder):
    (static_folder / "index.html").write_text("<div id=root>app</div>")
    (static_folder / "app.js").write_text("console.log(1)")

    response = httpx.get(f"{server.url}/app.js")

    assert response.headers["x-content-type-options"] == "nosniff"
    assert _directives(response)["script-src"] == "'self'"


def test_the_not_built_page_carries_the_security_headers(server):
    response = httpx.get(f"{server.url}/")

    assert "make dashboard" in response.text
    assert response.headers["x-frame-options"] == "SAMEORIGIN"


def test_an_html_visualization_is_sandboxed_and_may_load_nothing(api):
    url = _html_visualization_url(api)

    response = api.get(url)

    directives = _directives(response)
    assert response.status_code == 200
    assert "<h1>Scores</h1>" in response.text
    assert directives["sandbox"] == "allow-scripts"
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'unsafe-inline'"
    assert "connect-src" not in directives  # so default-src 'none' forbids every request
    assert directives["form-action"] == "'none'"


def test_an_html_visualization_may_be_framed_by_the_dashboard_only(api):
    url = _html_visualization_url(api)

    response = api.get(url)

    assert _directives(response)["frame-ancestors"] == "'self'"
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_the_api_docs_load_swagger_ui_from_this_server_only(api):
    response = api.get("/docs")

    directives = _directives(response)
    assert response.status_code == 200
    assert "://" not in directives["script-src"] + directives["style-src"]
    script_urls = _script_urls(response.text)
    assert script_urls == ["/api-docs/swagger-ui-bundle.js"]
    assert "://" not in response.text.replace("http://www.w3.org", "")
    assert directives["frame-ancestors"] == "'self'"
    assert directives["object-src"] == "'none'"


def test_the_swagger_ui_files_are_part_of_the_dashboard_build():
    from headwater.server.static import STATIC_FOLDER

    assets = STATIC_FOLDER / "api-docs"
    assert (STATIC_FOLDER / "index.html").is_file(), "build the dashboard: make dashboard"
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"):
        assert (assets / name).stat().st_size > 0, name


def _script_urls(page: str) -> list[str]:
    marker = '<script src="'
    return [part.split('"', 1)[0] for part in page.split(marker)[1:]]
