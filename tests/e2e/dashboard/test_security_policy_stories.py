"""User stories of the dashboard under its Content-Security-Policy, in headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import ConsoleMessage, FrameLocator, Page, expect

from tests.e2e.dashboard.conftest import Dashboard, finish, record

# Runs in every frame before its own scripts (Playwright's init scripts pass any CSP).
_WATCH_VIOLATIONS = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__policyViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} in ${event.documentURI}`
  );
});
"""
_POLICY_CONSOLE_TEXT = re.compile(r"Content Security Policy|Refused to", re.IGNORECASE)


@pytest.fixture(scope="module")
def visualized(dashboard: Dashboard) -> Dashboard:
    """The served dashboard with a run whose artifacts are Markdown, HTML and a chart."""
    finish(record(dashboard.home, "visualized"), timeout=120)
    return dashboard


def watch_policy(page: Page) -> Callable[[], list[str]]:
    """Start collecting the page's policy violations; call the result to read them."""
    console: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and _POLICY_CONSOLE_TEXT.search(message.text):
            console.append(message.text)

    page.add_init_script(_WATCH_VIOLATIONS)
    page.on("console", on_console)

    def violations() -> list[str]:
        """The violations since the last call (the page's own list starts anew per page)."""
        events = page.evaluate("window.__policyViolations ?? []")
        seen = [*console, *events]
        console.clear()
        return seen

    return violations


def output_id(dashboard: Dashboard, run: str, step: str, output: str) -> str:
    """The artifact version id of a step's output in a run."""
    steps = dashboard.api(f"/runs/{run}/steps").json()["items"]
    return str(next(s for s in steps if s["name"] == step)["outputs"][output])


def visualization_frame(page: Page, name: str) -> FrameLocator:
    return page.get_by_title(name).content_frame


def test_the_main_pages_load_with_no_policy_violation(page: Page, visualized: Dashboard) -> None:
    violations = watch_policy(page)
    url = visualized.url
    seen: list[str] = []

    def visit(path: str, expect_on_page: Callable[[], None]) -> None:
        page.goto(f"{url}{path}")
        expect_on_page()
        seen.extend(f"{path}: {violation}" for violation in violations())

    visit("/runs", lambda: expect(page.get_by_role("table", name="Runs")).to_be_visible())
    visit(
        "/pipelines",
        lambda: expect(page.get_by_role("table", name="Pipelines")).to_contain_text("visualized"),
    )
    run_id = visualized.api("/runs/small_training-2").json()["id"]
    visit(
        f"/runs/{run_id}?view=dag",
        lambda: expect(page.get_by_role("button", name="Step load_table: Cached")).to_be_visible(),
    )
    visit(
        f"/runs/{run_id}?view=timeline",
        lambda: expect(page.get_by_role("region", name="Run timeline")).to_be_visible(),
    )
    steps = visualized.api("/runs/small_training-1/steps").json()["items"]
    load_table = next(s for s in steps if s["name"] == "load_table")
    first_run_id = load_table["run_id"]
    visit(
        f"/runs/{first_run_id}?step={load_table['id']}&tab=logs",
        lambda: expect(page.get_by_role("log", name="Log of load_table")).to_contain_text(
            "loading 12 rows"
        ),
    )
    table_id = output_id(visualized, "small_training-1", "load_table", "table")
    visit(
        f"/artifacts/{table_id}",
        lambda: expect(page.get_by_role("table", name="preview")).to_be_visible(),
    )
    # Benign Markdown: a hostile one makes Chrome report the handler DOMPurify parses away.
    summary_id = output_id(visualized, "visualized-1", "write_summary", "summary")
    visit(
        f"/artifacts/{summary_id}",
        lambda: expect(
            visualization_frame(page, "preview").get_by_role("heading", name="Summary")
        ).to_be_visible(),
    )
    report_id = output_id(visualized, "visualized-1", "write_report", "report")
    visit(
        f"/artifacts/{report_id}",
        lambda: expect(
            visualization_frame(page, "report").get_by_text("inline script ran")
        ).to_be_visible(),
    )
    wave_id = output_id(visualized, "visualized-1", "measure_wave", "wave")

    def hover_the_chart() -> None:
        chart = page.get_by_role("img", name="Line chart of 200 values")
        expect(chart.locator("canvas")).to_have_count(1)
        # ECharts writes its tooltip as HTML with inline styles: the policy must allow them.
        chart.hover()
        page.mouse.move(700, 300)

    visit(f"/artifacts/{wave_id}", hover_the_chart)

    assert seen == [], "\n".join(seen)


def test_markdown_with_scripts_and_handlers_shows_its_text_and_runs_none(
    page: Page, visualized: Dashboard
) -> None:
    notes_id = output_id(visualized, "visualized-1", "write_notes", "notes")

    page.goto(f"{visualized.url}/artifacts/{notes_id}")

    frame = visualization_frame(page, "preview")
    expect(frame.get_by_role("heading", name="Release notes")).to_be_visible()
    expect(frame.get_by_role("img", name="broken chart")).to_have_count(1)
    shown = page.get_by_title("preview").get_attribute("srcdoc") or ""
    assert "Scores are <strong>up</strong>" in shown
    assert not re.search(r"<script|onerror|javascript:", shown, re.IGNORECASE)


def test_an_html_visualization_runs_its_own_script_but_cannot_call_the_api(
    page: Page, visualized: Dashboard
) -> None:
    probe_id = output_id(visualized, "visualized-1", "write_probe", "probe")

    page.goto(f"{visualized.url}/artifacts/{probe_id}")

    verdict = visualization_frame(page, "report").get_by_role("paragraph")
    expect(verdict).to_have_text("blocked by connect-src")
