"""User stories of the runs list's metadata columns and saved views."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.dashboard.conftest import RESULTS, Dashboard
from tests.e2e.dashboard.test_metadata_stories import _serve
from tests.e2e.dashboard.test_metadata_stories import page as page  # noqa: F401 (a fixture)

SHOTS = RESULTS / "screenshots" / "compare-views"


@pytest.fixture(scope="module")
def sweep_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    """The dashboard over a sweep: 8 runs of two pipelines logging accuracy."""
    yield from _serve(tmp_path_factory.mktemp("columns-few") / "home", "few")


@pytest.fixture(scope="module")
def crowded_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    """The dashboard over 200 runs, each logging accuracy, loss and keys of its own."""
    yield from _serve(tmp_path_factory.mktemp("columns-many") / "home", "many")


def _shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        page.evaluate("theme => document.documentElement.setAttribute('data-theme', theme)", theme)
        page.wait_for_timeout(200)
        page.screenshot(path=str(SHOTS / f"{name}-{theme}.png"), full_page=True)


def _accuracies(page: Page) -> list[float]:
    table = page.get_by_role("table", name="Runs")
    header = table.get_by_role("columnheader")
    texts = header.all_inner_texts()
    index = next(i for i, text in enumerate(texts) if text.strip().startswith("accuracy"))
    cells = table.locator("tbody tr").locator(f"td:nth-child({index + 1})").all_inner_texts()
    return [float(text) for text in cells]


def _wait_for_order(page: Page, *, descending: bool) -> list[float]:
    """The accuracy column once the server's sorted page has replaced the previous one."""
    for _ in range(50):
        shown = _accuracies(page)
        if shown == sorted(shown, reverse=descending):
            return shown
        page.wait_for_timeout(100)
    return _accuracies(page)


def test_a_key_added_from_the_explorer_becomes_a_sortable_column(
    page: Page, sweep_dashboard: Dashboard
):
    page.goto(f"{sweep_dashboard.url}/metadata?key=accuracy")

    page.get_by_role("link", name="Add as a column").click()

    expect(page).to_have_url(re.compile(r"/runs\?columns=.*accuracy"))
    table = page.get_by_role("table", name="Runs")
    expect(table.get_by_role("columnheader", name=re.compile("accuracy"))).to_be_visible()
    table.get_by_role("button", name=re.compile("^accuracy")).click()
    expect(page).to_have_url(re.compile(r"sort=metadata\.accuracy&desc=false"))
    expect(table.locator("tbody tr")).to_have_count(8)
    ascending = _wait_for_order(page, descending=False)
    table.get_by_role("button", name=re.compile("^accuracy")).click()
    expect(page).not_to_have_url(re.compile(r"desc=false"))
    descending = _wait_for_order(page, descending=True)

    assert descending == sorted(descending, reverse=True)
    assert ascending == sorted(ascending)
    assert descending[0] > descending[-1]


def test_a_column_added_in_the_runs_list_shows_and_is_removed(
    page: Page, sweep_dashboard: Dashboard
):
    page.goto(f"{sweep_dashboard.url}/runs")
    columns = page.get_by_role("region", name="Metadata columns")

    columns.get_by_role("combobox", name="Metadata key to add as a column").fill("trials")
    columns.get_by_role("button", name="Add column").click()

    expect(page).to_have_url(re.compile(r"columns=.*trials"))
    table = page.get_by_role("table", name="Runs")
    expect(table.get_by_role("columnheader", name=re.compile("trials"))).to_be_visible()
    expect(table.get_by_role("cell", name="20", exact=True)).to_have_count(2)
    columns.get_by_role("button", name="Remove column trials").click()
    expect(table.get_by_role("columnheader", name=re.compile("trials"))).to_have_count(0)


def test_a_saved_view_reopens_its_columns_filters_and_sort(
    page: Page, sweep_dashboard: Dashboard
):
    page.goto(f"{sweep_dashboard.url}/runs?columns=accuracy,trials&pipeline=tuning")
    views = page.get_by_role("region", name="Saved views")

    views.get_by_role("button", name="Save view").click()
    views.get_by_role("textbox", name="View name").fill("tuning runs")
    views.get_by_role("button", name="Save", exact=True).click()
    expect(views.get_by_role("combobox", name="Saved view")).to_have_value("tuning runs")
    page.goto(f"{sweep_dashboard.url}/runs")
    views.get_by_role("combobox", name="Saved view").select_option("tuning runs")

    expect(page).to_have_url(re.compile(r"pipeline=tuning"))
    table = page.get_by_role("table", name="Runs")
    expect(table.get_by_role("columnheader", name=re.compile("trials"))).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(2)
    views.get_by_role("button", name="Delete view").click()
    expect(views.get_by_role("combobox", name="Saved view").locator("option")).to_have_count(1)


def test_screenshots_of_metadata_columns_with_a_sweep(page: Page, sweep_dashboard: Dashboard):
    page.goto(
        f"{sweep_dashboard.url}/runs?columns=accuracy,trials&sort=metadata.accuracy"
    )
    expect(page.get_by_role("table", name="Runs").locator("tbody tr")).to_have_count(8)

    _shoot(page, "columns-few")

    assert (SHOTS / "columns-few-dark.png").stat().st_size > 0


def test_screenshots_of_metadata_columns_with_200_runs(page: Page, crowded_dashboard: Dashboard):
    page.goto(f"{crowded_dashboard.url}/runs?columns=accuracy,loss&sort=metadata.loss&desc=false")
    expect(page.get_by_role("table", name="Runs").locator("tbody tr")).to_have_count(25)
    page.get_by_role("region", name="Saved views").get_by_role("button", name="Save view").click()

    _shoot(page, "columns-many")

    assert (SHOTS / "columns-many-light.png").stat().st_size > 0
