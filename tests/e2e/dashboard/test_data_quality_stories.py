"""Stories: the demo's drift report, validation results and profiles open offline.

Every request the pages make is recorded: none may leave the server's origin, though
Evidently's own report (in its sandboxed frame) is on the page.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.dashboard.conftest import REPO, Dashboard, headwater_env, serve_home

SHOTS = Path(os.environ.get("HEADWATER_SHOTS", REPO / "test-results" / "data-quality"))


@pytest.fixture(scope="module")
def quality_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    """A server over a home holding the demo's data quality run."""
    home = tmp_path_factory.mktemp("quality-e2e") / "home"
    subprocess.run(
        [sys.executable, "-m", "tests.e2e.dashboard.record_data_quality"],
        cwd=REPO,
        env=headwater_env(home),
        check=True,
        timeout=300,
    )
    with serve_home(home) as served:
        yield served


def _open_artifact(
    browser: Browser, dashboard: Dashboard, data_type: str, scheme: str
) -> tuple[Page, list[str]]:
    versions = dashboard.api("/artifact-versions?size=100").json()["items"]
    version = next(v for v in versions if v["data_type"].endswith(data_type))
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = context.new_page()
    requested: list[str] = []
    # Frames' requests too: the context sees every page's and frame's requests.
    context.on("request", lambda request: requested.append(request.url))
    page.goto(f"{dashboard.url}/artifacts/{version['id']}")
    return page, requested


def _shoot(page: Page, name: str) -> None:
    page.wait_for_load_state("networkidle")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    sections = page.get_by_role("region", name=re.compile("^Visualization "))
    for index in range(sections.count()):
        sections.nth(index).screenshot(path=str(SHOTS / f"{name}-{index}.png"))


def _foreign(requested: list[str], dashboard: Dashboard) -> list[str]:
    # about:srcdoc and data: URLs never leave the browser.
    local = (dashboard.url, "data:", "about:", "blob:")
    return [url for url in requested if not url.startswith(local)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_drift_report_shows_its_drift_table_and_its_own_report_offline(
    browser: Browser, quality_dashboard: Dashboard, scheme: str
) -> None:
    page, requested = _open_artifact(browser, quality_dashboard, "Snapshot", scheme)

    drift = page.get_by_role("table", name="drift by column")
    expect(drift.get_by_role("cell", name="petal length (cm)")).to_be_visible()
    expect(page.get_by_text(re.compile(r"4 rows · 3 passed, 1 failed"))).to_be_visible()
    expect(page.locator("iframe[title='report']")).to_be_visible()
    _shoot(page, f"drift-report-{scheme}")

    assert requested
    assert _foreign(requested, quality_dashboard) == []
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_validation_results_show_each_expectation_passed_or_failed(
    browser: Browser, quality_dashboard: Dashboard, scheme: str
) -> None:
    page, requested = _open_artifact(
        browser, quality_dashboard, "ExpectationSuiteValidationResult", scheme
    )

    results = page.get_by_role("table", name="validation results")
    expect(results.get_by_role("cell", name="expect_table_row_count_to_be_between")).to_be_visible()
    expect(page.get_by_text(re.compile(r"4 rows · 3 passed, 1 failed"))).to_be_visible()
    _shoot(page, f"validation-{scheme}")

    assert _foreign(requested, quality_dashboard) == []
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_two_profiles_show_side_by_side_with_overlaid_distributions(
    browser: Browser, quality_dashboard: Dashboard, scheme: str
) -> None:
    page, requested = _open_artifact(browser, quality_dashboard, "ProfileComparison", scheme)

    table = page.get_by_role("table", name="reference vs current")
    expect(table.get_by_role("cell", name="petal length (cm)")).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile(r"^Bar chart of reference, current"))
    ).to_have_count(4)
    _shoot(page, f"profile-comparison-{scheme}")

    assert _foreign(requested, quality_dashboard) == []
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_profile_shows_its_columns_and_distributions(
    browser: Browser, quality_dashboard: Dashboard, scheme: str
) -> None:
    page, requested = _open_artifact(browser, quality_dashboard, "DatasetProfileView", scheme)

    profile = page.get_by_role("table", name="profile")
    expect(profile.get_by_role("cell", name="sepal width (cm)")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile(r"^Bar chart of profile"))).to_have_count(4)
    _shoot(page, f"profile-{scheme}")

    assert _foreign(requested, quality_dashboard) == []
    page.context.close()
