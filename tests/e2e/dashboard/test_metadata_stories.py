"""User stories of the metadata explorer (`/metadata`): the key catalog and a key's chart."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.dashboard.conftest import (
    REPO,
    RESULTS,
    Dashboard,
    finish,
    headwater_env,
    serve_home,
)

SHOTS = RESULTS / "screenshots" / "metadata"


def _serve(home: Path, data: str) -> Iterator[Dashboard]:
    """`headwater up` over a home holding the `data` recording of record_metadata.py."""
    finish(
        subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.dashboard.record_metadata", data],
            cwd=REPO,
            env=headwater_env(home),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        ),
        timeout=180,
    )
    with serve_home(home) as served:
        yield served


@pytest.fixture(scope="module")
def sweep_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    """The dashboard over a sweep: 8 runs of two pipelines logging accuracy."""
    yield from _serve(tmp_path_factory.mktemp("metadata-few") / "home", "few")


@pytest.fixture(scope="module")
def crowded_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    """The dashboard over 200 runs carrying 2,000 distinct keys."""
    yield from _serve(tmp_path_factory.mktemp("metadata-many") / "home", "many")


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh light-theme page at 1440x900; screenshot into test-results/ on failure."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, color_scheme="light")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        page.screenshot(path=str(RESULTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def _shoot(page: Page, name: str) -> None:
    """Light and dark screenshots of the page as it is."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        page.evaluate("theme => document.documentElement.setAttribute('data-theme', theme)", theme)
        page.wait_for_timeout(300)  # the chart redraws in the theme's colours
        page.screenshot(path=str(SHOTS / f"{name}-{theme}.png"), full_page=True)


def test_the_explorer_opens_a_key_and_shows_its_chart(page: Page, sweep_dashboard: Dashboard):
    page.goto(f"{sweep_dashboard.url}/runs")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Metadata").click()
    catalog = page.get_by_role("table", name="Metadata keys")
    expect(catalog.get_by_role("row", name=re.compile("accuracy"))).to_be_visible()

    page.get_by_role("searchbox", name="Search keys").fill("accur")
    catalog.get_by_role("row", name=re.compile("accuracy")).click()

    expect(page).to_have_url(re.compile(r"key=accuracy"))
    history = page.get_by_role("region", name="History of accuracy")
    expect(history.get_by_role("img", name=re.compile("History of accuracy"))).to_be_visible()
    expect(history.get_by_text("8 runs")).to_be_visible()
    entities = history.get_by_role("table", name="Entities carrying the key")
    expect(entities.get_by_role("row")).to_have_count(9)
    entities.get_by_role("link", name="tuning-2").click()
    expect(page).to_have_url(re.compile(r"/runs/[0-9a-f-]{36}"))


def test_the_catalog_narrows_by_type_and_resource(page: Page, sweep_dashboard: Dashboard):
    page.goto(f"{sweep_dashboard.url}/metadata")
    catalog = page.get_by_role("table", name="Metadata keys")
    expect(catalog.get_by_role("row", name=re.compile("trials"))).to_be_visible()

    page.get_by_role("combobox", name="Type").select_option("float")

    expect(catalog.get_by_role("row", name=re.compile("trials"))).to_have_count(0)
    page.get_by_role("button", name="Steps").click()
    expect(page).to_have_url(re.compile(r"resource=step_run"))
    expect(catalog.get_by_role("row", name=re.compile("momentum"))).to_be_visible()


def test_screenshots_of_the_explorer_with_a_sweep(page: Page, sweep_dashboard: Dashboard):
    page.goto(f"{sweep_dashboard.url}/metadata?key=accuracy")
    expect(page.get_by_role("img", name=re.compile("History of accuracy"))).to_be_visible()

    _shoot(page, "few-keys")

    assert (SHOTS / "few-keys-dark.png").stat().st_size > 0


def test_screenshots_of_the_explorer_with_many_keys(page: Page, crowded_dashboard: Dashboard):
    page.goto(f"{crowded_dashboard.url}/metadata?key=accuracy")
    expect(page.get_by_text(re.compile(r"2,003 keys"))).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("History of accuracy"))).to_be_visible()

    _shoot(page, "many-keys")

    assert (SHOTS / "many-keys-light.png").stat().st_size > 0
