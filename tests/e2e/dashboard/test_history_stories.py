"""User stories of the run history, artifact lineage, pipeline versions and array charts."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.dashboard.conftest import Dashboard, finish, record


@pytest.fixture(scope="module")
def history(dashboard: Dashboard) -> Iterator[Dashboard]:
    """The served dashboard with scored runs, a run by 'ada', arrays and three versions."""
    finish(record(dashboard.home, "history"), timeout=180)
    yield dashboard


def runs_table_rows(page: Page):
    return page.get_by_role("table", name="Runs").get_by_role("row")


def test_runs_filter_by_run_metadata_and_the_filter_survives_a_reload(
    page: Page, history: Dashboard
) -> None:
    page.goto(f"{history.url}/runs?pipeline=scored_training")
    expect(runs_table_rows(page)).to_have_count(4)

    page.get_by_role("textbox", name="Metadata").fill("accuracy > 0.9")
    expect(page).to_have_url(re.compile(r"metadata="))
    page.reload()

    expect(runs_table_rows(page)).to_have_count(2)
    expect(runs_table_rows(page).nth(1)).to_contain_text("scored_training-2")
    expect(page.get_by_role("textbox", name="Metadata")).to_have_value("accuracy > 0.9")


def test_a_metadata_filter_that_cannot_be_read_says_how_to_write_it(
    page: Page, history: Dashboard
) -> None:
    page.goto(f"{history.url}/runs?pipeline=scored_training")

    page.get_by_role("textbox", name="Metadata").fill("accuracy")

    # The server's parser says where it stopped, beside the box.
    problem = page.locator("#metadata-filter-problem")
    expect(problem).to_contain_text("Cannot read the filter 'accuracy' at the end")
    expect(problem).to_contain_text("expected an operator")
    expect(page.get_by_role("textbox", name="Metadata")).to_have_attribute("aria-invalid", "true")


def test_runs_filter_by_the_user_who_ran_them(page: Page, history: Dashboard) -> None:
    page.goto(f"{history.url}/runs?pipeline=scored_training")

    page.get_by_role("combobox", name="User").select_option("ada")

    expect(page).to_have_url(re.compile(r"user=ada"))
    expect(runs_table_rows(page)).to_have_count(2)
    expect(runs_table_rows(page).nth(1)).to_contain_text("scored_training-3")


def test_selected_runs_are_deleted_after_confirming_and_the_list_refreshes(
    page: Page, history: Dashboard
) -> None:
    finish(record(history.home, "disposable", "3"), timeout=120)
    page.goto(f"{history.url}/runs?pipeline=disposable")
    expect(runs_table_rows(page)).to_have_count(4)

    page.get_by_role("checkbox", name="Select all rows on this page").check()
    page.get_by_role("button", name="Delete 3 runs").click()
    dialog = page.get_by_role("dialog", name="Delete 3 runs?")
    expect(dialog).to_contain_text("disposable-1")
    dialog.get_by_role("button", name="Delete 3 runs").click()

    expect(page.get_by_text("Deleted 3 runs.")).to_be_visible()
    expect(page.get_by_text("No run matches these filters")).to_be_visible()
    assert history.api("/runs?pipeline_name=disposable").json()["total"] == 0


def test_cancelling_the_delete_dialog_keeps_the_runs(page: Page, history: Dashboard) -> None:
    page.goto(f"{history.url}/runs?pipeline=scored_training")
    runs_table_rows(page).nth(1).get_by_role("checkbox").check()

    page.get_by_role("button", name="Delete 1 run").click()
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()

    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(runs_table_rows(page)).to_have_count(4)


def test_an_artifact_lists_the_steps_of_every_run_that_used_it(
    page: Page, history: Dashboard
) -> None:
    first = history.api("/runs/small_training-1/steps").json()["items"]
    table_id = next(s for s in first if s["name"] == "load_table")["outputs"]["table"]
    page.goto(f"{history.url}/artifacts/{table_id}")

    used_by = page.get_by_role("region", name="Used by")

    expect(used_by).to_contain_text("Used by 4 steps")
    expect(used_by.get_by_role("link", name="small_training-2")).to_have_count(2)
    used_by.get_by_role("link", name="train_model").first.click()
    expect(page).to_have_url(re.compile(r"/runs/[0-9a-f-]+\?step="))
    expect(page.get_by_role("complementary", name="Step details")).to_contain_text("train_model")


def array_version_id(dashboard: Dashboard, output: str) -> str:
    """The id of an output of the 'signals' step of the arrays run."""
    steps = dashboard.api("/runs/arrays-1/steps").json()["items"]
    return str(next(s for s in steps if s["name"] == "signals")["outputs"][output])


def test_a_one_dimensional_array_is_a_line_chart_and_its_image_is_one_click_away(
    page: Page, history: Dashboard
) -> None:
    chart_requests: list[str] = []
    page.on("request", lambda r: chart_requests.append(r.url) if "array-chart" in r.url else None)
    page.goto(f"{history.url}/runs")
    expect(runs_table_rows(page).first).to_be_visible()
    assert chart_requests == []

    page.goto(f"{history.url}/artifacts/{array_version_id(history, 'wave')}")

    chart = page.get_by_role("img", name="Line chart of 400 values")
    expect(chart).to_be_visible()
    expect(chart.locator("canvas")).to_have_count(1)
    assert chart_requests
    page.get_by_text("histogram (image)").click()
    expect(page.get_by_role("img", name="histogram")).to_be_visible()


def test_a_big_two_dimensional_array_is_a_downsampled_heatmap_that_says_so(
    page: Page, history: Dashboard
) -> None:
    page.goto(f"{history.url}/artifacts/{array_version_id(history, 'big_grid')}")

    expect(page.get_by_role("img", name="Heatmap of 600 × 450 values")).to_be_visible()
    expect(page.get_by_text("Downsampled on the server: 200 × 150 cells")).to_be_visible()


def test_a_small_two_dimensional_array_is_drawn_whole(page: Page, history: Dashboard) -> None:
    page.goto(f"{history.url}/artifacts/{array_version_id(history, 'grid')}")

    expect(page.get_by_role("img", name="Heatmap of 12 × 8 values")).to_be_visible()
    expect(page.get_by_text("Downsampled on the server")).to_have_count(0)


def test_the_pipeline_page_shows_how_its_structure_changed_across_versions(
    page: Page, history: Dashboard
) -> None:
    page.goto(f"{history.url}/pipelines/evolving")

    page.get_by_role("tab", name="Versions").click()

    expect(page).to_have_url(re.compile(r"tab=versions"))
    second = page.get_by_role("listitem", name="Version 2")
    expect(second).to_contain_text("2 runs")
    expect(second.get_by_role("list", name="Step changes")).to_contain_text("added clean")
    expect(second.get_by_role("list", name="Step changes")).to_contain_text("removed report")
    expect(second.get_by_role("list", name="Edge changes")).to_contain_text(
        "prepare.output → clean.values"
    )
    third = page.get_by_role("listitem", name="Version 3")
    expect(third).to_contain_text("fit: new code; 1 parameter: rate")
    expect(page.get_by_role("listitem", name="Version 1")).to_contain_text("first version")
    third.get_by_role("link", name="evolving-4").click()
    expect(page.get_by_role("heading", name="evolving-4")).to_be_visible()
