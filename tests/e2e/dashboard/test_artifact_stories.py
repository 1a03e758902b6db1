"""User stories of the artifact catalog: find an artifact, chart its versions, trace, tag."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.dashboard.conftest import REPO, Dashboard, finish, headwater_env

# An artifact is named after its step and output.
ARTIFACT = "features"


@pytest.fixture(scope="module")
def catalog(dashboard: Dashboard) -> Dashboard:
    """The served dashboard with three versions of features, the third read by a later run."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.dashboard.record_artifact_catalog", "story"],
        cwd=REPO,
        env=headwater_env(dashboard.home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    finish(process, timeout=180)
    return dashboard


def test_an_artifact_is_found_charted_traced_to_its_reader_and_tagged(
    page: Page, catalog: Dashboard
) -> None:
    runs = catalog.api("/runs?pipeline_name=feature_sweep&sort_by=asc:created").json()["items"]
    page.goto(f"{catalog.url}/runs")

    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Artifacts").click()
    page.get_by_role("searchbox", name="Search artifacts by name").fill("features")
    expect(page).to_have_url(re.compile(r"name=features"))
    table = page.get_by_role("table", name="Artifacts")
    expect(table.get_by_role("row")).to_have_count(2)
    expect(table.get_by_role("row").nth(1)).to_contain_text("v3")
    expect(table.get_by_role("row").nth(1)).to_contain_text(runs[2]["name"])
    table.get_by_role("link", name=ARTIFACT).click()

    expect(page.get_by_role("heading", name=ARTIFACT)).to_be_visible()
    versions = page.get_by_role("table", name="Versions")
    expect(versions.get_by_role("row")).to_have_count(4)
    expect(page.get_by_role("img", name="length across versions")).to_be_visible()
    page.get_by_role("combobox", name="Metadata key").select_option("row_count")
    expect(page.get_by_role("img", name="row_count across versions")).to_be_visible()
    expect(page).to_have_url(re.compile(r"key=row_count"))

    lineage = page.get_by_role("region", name="Lineage of version 3")
    expect(lineage.get_by_text("Used by 2 steps")).to_be_visible()
    made_by = lineage.get_by_role("region", name="Made by")
    used_by = lineage.get_by_role("region", name="Used by")
    expect(made_by.get_by_role("link", name=runs[2]["name"])).to_be_visible()
    expect(used_by.get_by_role("link", name=runs[3]["name"])).to_be_visible()

    page.get_by_role("textbox", name=f"New tag for artifact {ARTIFACT}").fill("golden")
    page.get_by_role("group", name=f"Tags of artifact {ARTIFACT}").get_by_role(
        "button", name="Add tag"
    ).click()
    expect(page.get_by_role("button", name="Remove tag golden")).to_be_visible()
    assert catalog.api(f"/artifacts/{ARTIFACT}").json()["tags"] == ["golden"]


def test_choosing_an_older_version_shows_the_run_that_made_it(
    page: Page, catalog: Dashboard
) -> None:
    runs = catalog.api("/runs?pipeline_name=feature_sweep&sort_by=asc:created").json()["items"]
    artifact = catalog.api(f"/artifacts/{ARTIFACT}").json()
    page.goto(f"{catalog.url}/artifacts/series/{artifact['id']}")

    page.get_by_role("table", name="Versions").get_by_role("row").filter(
        has_text="v1"
    ).first.click()

    lineage = page.get_by_role("region", name="Lineage of version 1")
    made_by = lineage.get_by_role("region", name="Made by")
    expect(made_by.get_by_role("link", name=runs[0]["name"])).to_be_visible()
    expect(lineage.get_by_text("Used by 1 step")).to_be_visible()
