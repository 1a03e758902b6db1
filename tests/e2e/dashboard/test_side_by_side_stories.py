"""Stories: runs' and versions' visualizations side by side, charts on shared axes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, Request, expect

from tests.e2e.dashboard.conftest import REPO, RESULTS, Dashboard, headwater_env, serve_home

# The captions write ranges with an en dash, as typeset.
TO = "\u2013"
SHOTS = Path(os.environ.get("HEADWATER_SHOTS", REPO / "test-results" / "side-by-side"))


@pytest.fixture(scope="module")
def side_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    """A server over two loss-curve runs (12 and 8 epochs) and two digits forests."""
    home = tmp_path_factory.mktemp("side-by-side-e2e") / "home"
    subprocess.run(
        [sys.executable, "-m", "tests.e2e.dashboard.record_viz_comparison"],
        cwd=REPO,
        env=headwater_env(home),
        check=True,
        timeout=180,
    )
    with serve_home(home) as served:
        yield served


def _run_ids(dashboard: Dashboard) -> dict[str, str]:
    runs = dashboard.api("/runs?size=50").json()["items"]
    return {run["name"]: run["id"] for run in runs}


def _versions(dashboard: Dashboard, data_type: str) -> list[dict[str, Any]]:
    versions = dashboard.api("/artifact-versions?size=100").json()["items"]
    found = [v for v in versions if v["data_type"].endswith(data_type)]
    return sorted(found, key=lambda v: v["version"])


class _Visit:
    """A page in its own context that records every request it makes."""

    def __init__(self, browser: Browser, scheme: str, request: pytest.FixtureRequest) -> None:
        self.context = browser.new_context(
            viewport={"width": 1440, "height": 2000},
            color_scheme=scheme,  # type: ignore[arg-type]
        )
        self.context.set_default_timeout(15_000)
        self.page = self.context.new_page()
        self.requested: list[str] = []
        self.page.on("request", self._record)
        self._request = request

    def _record(self, request: Request) -> None:
        self.requested.append(request.url)

    def shoot(self, name: str) -> None:
        self.page.wait_for_load_state("networkidle")
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        report = getattr(self._request.node, "report_call", None)
        if report is not None and report.failed:
            RESULTS.mkdir(exist_ok=True)
            self.page.screenshot(path=str(RESULTS / f"{self._request.node.name}.png"))
        self.context.close()


@pytest.fixture(params=["light", "dark"])
def visit(browser: Browser, request: pytest.FixtureRequest) -> Iterator[tuple[_Visit, str]]:
    scheme: str = request.param
    visit = _Visit(browser, scheme, request)
    yield visit, scheme
    visit.close()


def _cell(page: Page, visualization: str, column: str) -> Locator:
    """The cell of one visualization in one column."""
    return page.get_by_role("figure", name=f"{visualization} in {column}", exact=True)


def test_two_runs_loss_curves_show_side_by_side_on_the_same_axes(
    side_dashboard: Dashboard, visit: tuple[_Visit, str]
) -> None:
    session, scheme = visit
    page = session.page
    ids = _run_ids(side_dashboard)
    page.goto(f"{side_dashboard.url}/compare?runs={ids['curves-1']},{ids['curves-2']}")

    page.get_by_role("button", name="Visualizations", exact=True).click()

    expect(page.get_by_label("Step")).to_have_value("fit_curve")
    expect(page.get_by_label("Output")).to_have_value("output")
    columns = page.get_by_role("list", name="Columns").get_by_role("listitem")
    expect(columns).to_have_count(2)
    expect(columns.nth(0)).to_contain_text("curves-1")
    expect(columns.nth(0)).to_contain_text("baseline")
    expect(columns.nth(1)).not_to_contain_text("baseline")
    expect(
        _cell(page, "loss curve", "curves-1").get_by_role(
            "img", name="Line chart of loss: Loss at learning rate 0.1"
        )
    ).to_be_visible()
    expect(
        _cell(page, "loss curve", "curves-2").get_by_role(
            "img", name="Line chart of loss: Loss at learning rate 0.3"
        )
    ).to_be_visible()
    # 12 epochs from 1.81 down and 8 from 1.11 down: one range holds both.
    expect(page.get_by_text(f"Same axes in every column: x 0 {TO} 15, y 0 {TO} 2")).to_be_visible()
    # Each run's own HTML, in a frame that may run scripts but never reach our origin.
    note = _cell(page, "note", "curves-2").locator("iframe")
    expect(note).to_have_attribute("sandbox", "allow-scripts")
    expect(
        _cell(page, "note", "curves-2").frame_locator("iframe").get_by_text("Learning rate 0.3")
    ).to_be_visible()
    expect(page).to_have_url(re.compile(r"view=visualizations"))
    session.shoot(f"runs-loss-curves-{scheme}")

    assert [url for url in session.requested if not url.startswith(side_dashboard.url)] == []


def test_an_output_row_of_the_table_opens_that_output_side_by_side(
    side_dashboard: Dashboard, visit: tuple[_Visit, str]
) -> None:
    session, scheme = visit
    page = session.page
    ids = _run_ids(side_dashboard)
    runs = ",".join(ids[name] for name in ("forest_sizes-1", "forest_sizes-2"))
    page.goto(f"{side_dashboard.url}/compare?runs={runs}")
    expect(page.get_by_role("table", name="Comparison")).to_be_visible()
    session.shoot(f"table-with-output-rows-{scheme}")

    page.get_by_role("button", name="Show fit_forest.output side by side").click()

    expect(page).to_have_url(re.compile(r"view=visualizations.*step=fit_forest.*output=output"))
    expect(page.get_by_label("Step")).to_have_value("fit_forest")
    parameters = _cell(page, "parameters", "forest_sizes-2").get_by_role("table", name="parameters")
    expect(parameters.get_by_role("cell", name="n_estimators")).to_be_visible()
    expect(_cell(page, "diagram", "forest_sizes-1").locator("iframe")).to_have_attribute(
        "sandbox", "allow-scripts"
    )


def test_eleven_runs_show_the_first_ten_with_the_baseline_and_say_so(
    side_dashboard: Dashboard, visit: tuple[_Visit, str]
) -> None:
    session, scheme = visit
    page = session.page
    ids = _run_ids(side_dashboard)
    names = [f"curves-{number}" for number in range(1, 12)]
    runs = ",".join(ids[name] for name in names)
    page.goto(
        f"{side_dashboard.url}/compare?runs={runs}&view=visualizations&baseline={ids['curves-11']}"
    )

    expect(page.get_by_text("Showing 10 of 11 runs")).to_be_visible()
    columns = page.get_by_role("list", name="Columns").get_by_role("listitem")
    expect(columns).to_have_count(10)
    expect(columns.nth(9)).to_contain_text("curves-11")
    expect(columns.nth(9)).to_contain_text("baseline")
    expect(page.get_by_role("listitem").filter(has_text="curves-10")).to_have_count(0)
    expect(
        page.get_by_text(re.compile(f"^Same axes in every column: x 0 {TO} 15, y 0 {TO} 2$"))
    ).to_be_visible()
    session.shoot(f"runs-eleven-curves-{scheme}")


def test_a_link_reopens_the_chosen_output_with_its_baseline_and_marks_a_run_without_it(
    side_dashboard: Dashboard, visit: tuple[_Visit, str]
) -> None:
    session, scheme = visit
    page = session.page
    ids = _run_ids(side_dashboard)
    runs = ",".join(ids[name] for name in ("forest_sizes-1", "forest_sizes-2", "curves-1"))
    page.goto(
        f"{side_dashboard.url}/compare?runs={runs}&view=visualizations"
        f"&baseline={ids['forest_sizes-2']}&step=fit_curve&output=output"
    )
    expect(_cell(page, "loss curve", "curves-1")).to_be_visible()

    page.get_by_label("Step").select_option("evaluate_classifier")

    expect(page).to_have_url(re.compile(r"step=evaluate_classifier"))
    columns = page.get_by_role("list", name="Columns").get_by_role("listitem")
    expect(columns.nth(1)).to_contain_text("baseline")
    expect(columns.nth(0)).not_to_contain_text("baseline")
    expect(columns.nth(2)).to_contain_text("No such output in this run")
    heatmap = re.compile(r"^Heatmap of 10 . 10 cells: Confusion matrix \(counts\)")
    for run in ("forest_sizes-1", "forest_sizes-2"):
        expect(
            _cell(page, "confusion matrix", run).get_by_role("img", name=heatmap)
        ).to_be_visible()
    expect(_cell(page, "confusion matrix", "curves-1")).to_contain_text(
        "No such output in this run"
    )
    # Counts and shares: each heatmap row has one colour scale for both runs.
    scales = page.get_by_text(re.compile(rf"^Same colour scale in every column: 0 {TO} \d+$"))
    expect(scales).to_have_count(2)
    report = _cell(page, "classification report", "forest_sizes-2")
    expect(report.get_by_role("table", name="classification report")).to_be_visible()
    session.shoot(f"runs-confusion-matrices-{scheme}")

    assert [url for url in session.requested if not url.startswith(side_dashboard.url)] == []


def test_a_version_compares_with_another_version_of_its_artifact(
    side_dashboard: Dashboard, visit: tuple[_Visit, str]
) -> None:
    session, scheme = visit
    page = session.page
    first, second = _versions(side_dashboard, "LossCurve")[:2]
    page.goto(f"{side_dashboard.url}/artifacts/{second['id']}")

    picker = page.get_by_label("Compare with version")
    label = picker.locator("option", has_text=re.compile(r"^version 1 ")).inner_text()
    picker.select_option(label=label)

    expect(page).to_have_url(re.compile(f"compare={first['id']}"))
    columns = page.get_by_role("list", name="Columns").get_by_role("listitem")
    expect(columns.nth(0)).to_contain_text("version 2")
    expect(columns.nth(0)).to_contain_text("this version")
    expect(columns.nth(1)).to_contain_text("version 1")
    expect(
        _cell(page, "loss curve", "version 1").get_by_role(
            "img", name="Line chart of loss: Loss at learning rate 0.1"
        )
    ).to_be_visible()
    expect(page.get_by_text(f"Same axes in every column: x 0 {TO} 15, y 0 {TO} 2")).to_be_visible()
    differences = page.get_by_role("region", name="Metadata differences")
    final_loss = differences.get_by_role("row", name=re.compile(r"^metadata\.final_loss"))
    expect(final_loss).to_contain_text("differs")
    expect(final_loss).to_contain_text("0.1361")
    expect(final_loss).to_contain_text("+0.4663")
    expect(differences.get_by_role("row", name=re.compile(r"^data type"))).to_be_visible()
    session.shoot(f"version-comparison-{scheme}")

    differences.get_by_label("Differences only").check()

    expect(differences.get_by_role("row", name=re.compile(r"^data type"))).to_have_count(0)
    expect(final_loss).to_be_visible()
    expect(page).to_have_url(re.compile("diff=true"))

    page.get_by_role("button", name="Close the comparison").click()

    expect(page).not_to_have_url(re.compile("compare="))
    expect(page.get_by_role("region", name="Artifact metadata")).to_be_visible()
    assert [url for url in session.requested if not url.startswith(side_dashboard.url)] == []


def test_two_evaluations_of_one_artifact_compare_their_confusion_matrices(
    side_dashboard: Dashboard, visit: tuple[_Visit, str]
) -> None:
    session, scheme = visit
    page = session.page
    first, second = _versions(side_dashboard, "EvaluationReport")
    page.goto(f"{side_dashboard.url}/artifacts/{second['id']}?compare={first['id']}")

    heatmap = re.compile(r"^Heatmap of 10 . 10 cells: Confusion matrix \(counts\)")
    for column in ("version 1", "version 2"):
        expect(
            _cell(page, "confusion matrix", column).get_by_role("img", name=heatmap)
        ).to_be_visible()
    roc = re.compile(r"^Line chart of 0 AUC=.*ROC curve")
    expect(_cell(page, "ROC curve", "version 1").get_by_role("img", name=roc)).to_be_visible()
    session.shoot(f"version-evaluations-{scheme}")

    assert [url for url in session.requested if not url.startswith(side_dashboard.url)] == []
