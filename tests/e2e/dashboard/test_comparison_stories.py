"""User stories of comparing runs: select, compare, differences only, export, brush."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.dashboard.conftest import (
    CHROMIUM_ARGS,
    RESULTS,
    Dashboard,
    finish,
    headwater_env,
    wait_until_serving,
)

REPO = Path(__file__).resolve().parents[3]
SWEEP_RUNS = 4
HEADWATER = str(Path(sys.executable).parent / "headwater")


@pytest.fixture(scope="module")
def sweep_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    """`headwater up` over its own home with a sweep of four runs (learning rate 0.01 to
    0.04, the third with sgd)."""
    home = tmp_path_factory.mktemp("comparison-e2e") / "home"
    recording = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.dashboard.record_comparison", str(SWEEP_RUNS)],
        cwd=REPO,
        env=headwater_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    finish(recording, timeout=120)
    log = (home / "e2e-server.log").open("wb")
    server = subprocess.Popen(
        [HEADWATER, "up", "--blocking", "--port", "0"],
        cwd=REPO,
        env=headwater_env(home),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield Dashboard(url=wait_until_serving(home, server), home=home)
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()


@pytest.fixture(scope="module")
def comparison_browser(playwright_session) -> Iterator[Browser]:
    browser = playwright_session.chromium.launch(
        executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def page(comparison_browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh light-theme page at 1440x900 that accepts downloads; a screenshot into
    test-results/ on failure."""
    context = comparison_browser.new_context(
        viewport={"width": 1440, "height": 900}, color_scheme="light", accept_downloads=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        page.screenshot(path=str(RESULTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def run_headers(page: Page):
    """The run columns of the comparison table (the corner cell left out)."""
    table = page.get_by_role("table", name="Comparison")
    return table.get_by_role("columnheader").filter(has=page.get_by_role("link"))


def cli_csv(home: Path, names: list[str], *options: str) -> str:
    """What `headwater runs compare NAMES OPTIONS -o csv` prints."""
    command = [HEADWATER, "runs", "compare", *names, *options, "-o", "csv"]
    done = subprocess.run(
        command, env=headwater_env(home), capture_output=True, text=True, check=True, cwd=REPO
    )
    return done.stdout


def brush_axis(page: Page, axis: int, axes: int, shares: tuple[float, float]) -> None:
    """Drag along parallel axis `axis` (of `axes`) between two shares of its height, from
    the top."""
    chart = page.get_by_role("img", name=re.compile("Parallel coordinates"))
    box = chart.bounding_box()
    assert box is not None
    left, right, top, bottom = 64, 96, 48, 32  # the chart's padding (chart-options.ts)
    x = box["x"] + left + axis * (box["width"] - left - right) / max(axes - 1, 1)
    height = box["height"] - top - bottom
    start, end = (box["y"] + top + height * share for share in shares)
    page.mouse.move(x, start)
    page.mouse.down()
    page.mouse.move(x, (start + end) / 2, steps=4)
    page.mouse.move(x, end, steps=4)
    page.mouse.up()


def test_select_three_runs_compare_differences_export_and_brush(
    page: Page, sweep_dashboard: Dashboard
) -> None:
    page.goto(f"{sweep_dashboard.url}/runs?pipeline=sweep")
    for name in ("sweep-1", "sweep-2", "sweep-3"):
        page.get_by_role("checkbox", name=f"Select run {name}").check()
    page.get_by_role("link", name="Compare 3 runs").click()

    expect(page).to_have_url(re.compile(r"/compare\?runs="))
    expect(run_headers(page)).to_have_count(3)
    names = [run_headers(page).nth(i).get_by_role("link").inner_text() for i in range(3)]
    assert names == ["sweep-3", "sweep-2", "sweep-1"]  # the runs list's order, newest first
    table = page.get_by_role("table", name="Comparison")
    expect(table.get_by_role("rowheader", name="orchestrator")).to_be_visible()

    page.get_by_role("checkbox", name="Differences only").check()

    expect(page).to_have_url(re.compile(r"diff=true"))
    expect(table.get_by_role("rowheader", name="orchestrator")).to_have_count(0)
    expect(table.get_by_role("rowheader", name="train.learning_rate")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Export CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["group", "key", *names]
    keys = [row[1] for row in rows[1:]]
    assert "train.learning_rate" in keys
    assert "orchestrator" not in keys
    assert text == cli_csv(sweep_dashboard.home, names, "--baseline", names[0], "--diff-only")

    page.get_by_role("button", name="Parallel coordinates").click()
    chart = page.get_by_role("img", name=re.compile("Parallel coordinates of 3 runs"))
    expect(chart).to_be_visible()
    axes = int(chart.get_attribute("data-axes") or "0")
    page.wait_for_timeout(300)  # the chart draws on the next frames
    # The lowest learning rate only: sweep-1's (the baseline is the first run, sweep-3).
    brush_axis(page, axis=0, axes=axes, shares=(0.8, 1.02))

    expect(page.get_by_role("status").filter(has_text="1 of 3 runs in the brush")).to_be_visible()
    expect(page).to_have_url(re.compile(r"brush="))
    # The table shows the brushed run beside the baseline, which always stays.
    expect(run_headers(page)).to_have_count(2)
    expect(run_headers(page).filter(has_text="sweep-1")).to_have_count(1)
    expect(run_headers(page).filter(has_text=names[0])).to_have_count(1)


def test_a_run_is_added_by_name_and_removed_without_leaving_the_page(
    page: Page, sweep_dashboard: Dashboard
) -> None:
    runs = sweep_dashboard.api("/runs?size=10&sort_by=asc:created").json()["items"]
    page.goto(f"{sweep_dashboard.url}/compare?runs={runs[0]['id']},{runs[1]['id']}")
    expect(run_headers(page)).to_have_count(2)

    page.get_by_role("searchbox", name="Add a run").fill("sweep-4")
    page.get_by_role("option", name="Add sweep-4").click()

    expect(run_headers(page)).to_have_count(3)
    expect(page).to_have_url(re.compile(runs[3]["id"]))

    page.get_by_role("button", name="Remove sweep-2 from the comparison").click()

    expect(run_headers(page)).to_have_count(2)
    expect(run_headers(page).filter(has_text="sweep-2")).to_have_count(0)


def test_comparing_an_unknown_run_says_which_and_it_can_be_removed(
    page: Page, sweep_dashboard: Dashboard
) -> None:
    first = sweep_dashboard.api("/runs?size=1").json()["items"][0]

    page.goto(f"{sweep_dashboard.url}/compare?runs={first['id']},no-such-run")

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Could not compare these runs")
    expect(alert).to_contain_text("no-such-run")

    page.get_by_role("button", name="Remove no-such-run from the comparison").click()

    expect(page).not_to_have_url(re.compile("no-such-run"))
    expect(page.get_by_role("alert")).to_contain_text("Compare needs at least 2 runs")


def test_one_run_is_not_enough_and_the_page_says_so(page: Page, sweep_dashboard: Dashboard) -> None:
    first = sweep_dashboard.api("/runs?size=1").json()["items"][0]

    page.goto(f"{sweep_dashboard.url}/compare?runs={first['id']}")

    expect(page.get_by_role("alert")).to_contain_text("Compare needs at least 2 runs")


def test_the_run_headers_stay_in_sight_while_the_rows_scroll(
    page: Page, sweep_dashboard: Dashboard
) -> None:
    runs = sweep_dashboard.api("/runs?size=10&sort_by=asc:created").json()["items"]
    page.goto(f"{sweep_dashboard.url}/compare?runs={runs[0]['id']},{runs[1]['id']}")
    header = run_headers(page).first
    expect(header).to_be_visible()
    scroller = page.locator(".compare-scroller")
    top = scroller.bounding_box()
    assert top is not None

    scroller.evaluate("(element) => { element.scrollTop = element.scrollHeight; }")
    page.wait_for_function("() => document.querySelector('.compare-scroller').scrollTop > 200")

    box = header.bounding_box()
    assert box is not None
    assert top["y"] - 1 <= box["y"] <= top["y"] + 2
    assert page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y)?.closest('th') !== null"
        " && document.elementFromPoint(x, y).closest('thead') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
