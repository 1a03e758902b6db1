"""Stories: a user's own chart and table render in the dashboard, all from its origin."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from tests.e2e.dashboard.conftest import REPO, Dashboard, headwater_env, serve_home

SHOTS = Path(os.environ.get("HEADWATER_SHOTS", REPO / "test-results" / "viz"))


@pytest.fixture(scope="module")
def charts_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    """A server over a home holding one run of the user-registered chart pipeline."""
    home = tmp_path_factory.mktemp("viz-e2e") / "home"
    subprocess.run(
        [sys.executable, "-m", "tests.e2e.dashboard.record_user_charts"],
        cwd=REPO,
        env=headwater_env(home),
        check=True,
        timeout=120,
    )
    with serve_home(home) as served:
        yield served


def _rainfall_page(browser: Browser, dashboard: Dashboard, scheme: str) -> tuple[Page, list[str]]:
    versions = dashboard.api("/artifact-versions?size=50").json()["items"]
    version = next(v for v in versions if v["data_type"].endswith("Rainfall"))
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(_url(request)))
    page.goto(f"{dashboard.url}/artifacts/{version['id']}")
    return page, requested


def _url(request: Request) -> str:
    return request.url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_user_registered_chart_and_table_render_from_the_servers_origin(
    browser: Browser, charts_dashboard: Dashboard, scheme: str
) -> None:
    page, requested = _rainfall_page(browser, charts_dashboard, scheme)

    chart = page.get_by_role("img", name="Bar chart of rainfall: Rainfall at Kew")
    expect(chart).to_be_visible()
    table = page.get_by_role("table", name="rainfall")
    expect(table.get_by_role("cell", name="✗ 120.4")).to_be_visible()
    expect(page.get_by_text("4 rows · 3 passed, 1 failed")).to_be_visible()
    page.wait_for_load_state("networkidle")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"user-chart-and-table-{scheme}.png"), full_page=True)

    foreign = [url for url in requested if not url.startswith(charts_dashboard.url)]
    assert requested
    assert foreign == []
    page.context.close()


def _artifact_page(
    browser: Browser, dashboard: Dashboard, data_type: str, scheme: str
) -> tuple[Page, list[str]]:
    versions = dashboard.api("/artifact-versions?size=50").json()["items"]
    version = next(v for v in versions if v["data_type"].endswith(data_type))
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(_url(request)))
    page.goto(f"{dashboard.url}/artifacts/{version['id']}")
    return page, requested


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_demos_confusion_matrix_roc_curve_and_report_open_from_the_origin(
    browser: Browser, charts_dashboard: Dashboard, scheme: str
) -> None:
    page, requested = _artifact_page(browser, charts_dashboard, "EvaluationReport", scheme)

    expect(
        page.get_by_role(
            "img", name=re.compile(r"^Heatmap of 10 . 10 cells: Confusion matrix \(counts\)")
        )
    ).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile(r"^Line chart of 0 AUC=.*ROC curve"))
    ).to_be_visible()
    report = page.get_by_role("table", name="classification report")
    expect(report.get_by_role("cell", name="macro avg")).to_be_visible()
    page.wait_for_load_state("networkidle")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"classifier-report-{scheme}.png"), full_page=True)
    _shoot_each_visualization(page, f"classifier-{scheme}")

    assert [url for url in requested if not url.startswith(charts_dashboard.url)] == []
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_estimator_shows_its_parameters_and_diagram(
    browser: Browser, charts_dashboard: Dashboard, scheme: str
) -> None:
    page, requested = _artifact_page(browser, charts_dashboard, "RandomForestClassifier", scheme)

    expect(
        page.get_by_role("table", name="parameters").get_by_role("cell", name="n_estimators")
    ).to_be_visible()
    expect(
        page.frame_locator("iframe[title='diagram']").get_by_role(
            "checkbox", name=re.compile("RandomForestClassifier")
        )
    ).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(SHOTS / f"estimator-{scheme}.png"), full_page=True)
    _shoot_each_visualization(page, f"estimator-{scheme}")

    assert [url for url in requested if not url.startswith(charts_dashboard.url)] == []
    page.context.close()


def _shoot_each_visualization(page: Page, prefix: str) -> None:
    """One screenshot per visualization, to look at before resolving."""
    sections = page.get_by_role("region", name=re.compile("^Visualization "))
    for index in range(sections.count()):
        sections.nth(index).screenshot(path=str(SHOTS / f"{prefix}-{index}.png"))
