"""User stories of the run dashboard, in headless Chromium against a real server."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.dashboard.conftest import Dashboard, finish, record, stop

LIVE_TIMEOUT_MS = 30_000


def run_id(dashboard: Dashboard, name: str) -> str:
    """The id of the run called `name`."""
    return str(dashboard.api(f"/runs/{name}").json()["id"])


def open_run(page: Page, dashboard: Dashboard, name: str, query: str = "") -> None:
    page.goto(f"{dashboard.url}/runs/{run_id(dashboard, name)}{query}")
    expect(page.get_by_role("heading", name=name)).to_be_visible()


def test_a_newcomer_finds_the_latest_run_of_a_pipeline(page: Page, dashboard: Dashboard) -> None:
    page.goto(dashboard.url)

    page.get_by_role("textbox", name="Pipeline name").fill("small_training")
    runs = page.get_by_role("table", name="Runs")
    expect(runs.get_by_role("row")).to_have_count(3)
    runs.get_by_role("row").nth(1).get_by_role("link", name="small_training-2").click()

    expect(page.get_by_role("heading", name="small_training-2")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/runs/[0-9a-f-]+$"))


def test_status_filters_live_in_the_url_and_survive_a_reload(
    page: Page, dashboard: Dashboard
) -> None:
    page.goto(f"{dashboard.url}/runs")

    page.get_by_role("button", name="Failed").click()
    expect(page).to_have_url(re.compile(r"status="))
    page.reload()

    rows = page.get_by_role("table", name="Runs").get_by_role("row")
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("fails_midway")
    expect(page.get_by_role("button", name="Failed")).to_have_attribute("aria-pressed", "true")


def test_the_graph_shows_which_steps_were_cached_and_which_ran(
    page: Page, dashboard: Dashboard
) -> None:
    open_run(page, dashboard, "small_training-2")

    expect(page.get_by_role("button", name="Step load_table: Cached")).to_be_visible()
    expect(page.get_by_role("button", name="Step draw_chart: Cached")).to_be_visible()
    expect(page.get_by_role("button", name="Step train_model: Completed")).to_be_visible()
    expect(page.get_by_role("button", name="Artifact table")).to_be_visible()


def test_a_rerun_step_says_which_parameter_changed(page: Page, dashboard: Dashboard) -> None:
    open_run(page, dashboard, "small_training-2")

    page.get_by_role("button", name="Step train_model: Completed").click()

    why = page.get_by_role("region", name="Why did this step run")
    expect(why).to_contain_text("learning_rate")
    expect(page).to_have_url(re.compile(r"step="))


def test_a_failed_steps_traceback_and_logs_are_one_click_away(
    page: Page, dashboard: Dashboard
) -> None:
    open_run(page, dashboard, "fails_midway-1")

    page.get_by_role("button", name="Show error of step explode").click()
    expect(page.get_by_role("region", name="Error")).to_contain_text("MidwayError: cannot process 1")
    page.get_by_role("tab", name="Logs").click()

    expect(page.get_by_role("log", name="Log of explode")).to_contain_text("about to fail")
    expect(page).to_have_url(re.compile(r"tab=logs"))


def test_log_search_runs_on_the_server_and_keeps_matching_lines(
    page: Page, dashboard: Dashboard
) -> None:
    open_run(page, dashboard, "small_training-1")
    page.get_by_role("button", name="Step load_table: Completed").click()
    page.get_by_role("tab", name="Logs").click()

    page.get_by_role("searchbox", name="Search the log").fill("no such text")

    expect(page.get_by_text("No line matches")).to_be_visible()
    expect(page).to_have_url(re.compile(r"grep=no"))


def test_an_artifact_table_sorts_and_an_image_artifact_shows(
    page: Page, dashboard: Dashboard
) -> None:
    open_run(page, dashboard, "small_training-1")

    page.get_by_role("button", name="Artifact table").click()
    table = page.get_by_role("table", name="preview")
    table.get_by_role("button", name="score").click()
    table.get_by_role("button", name="score").click()
    expect(table.get_by_role("row").nth(1)).to_contain_text("city-11")

    page.get_by_role("button", name="Artifact chart").click()
    image = page.get_by_role("complementary", name="Artifact details").get_by_role("img")
    expect(image).to_be_visible()
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("element => element.naturalWidth") == 240


def test_ctrl_k_finds_a_step_and_opens_it(page: Page, dashboard: Dashboard) -> None:
    open_run(page, dashboard, "small_training-1")
    expect(page.get_by_role("button", name="Step draw_chart: Completed")).to_be_visible()

    page.keyboard.press("Control+k")
    page.get_by_role("combobox", name="Step or artifact name").fill("draw")
    page.keyboard.press("Enter")

    expect(page.get_by_role("complementary", name="Step details")).to_contain_text("draw_chart")


def test_the_theme_toggle_switches_to_dark(page: Page, dashboard: Dashboard) -> None:
    page.goto(f"{dashboard.url}/runs")

    page.get_by_role("button", name=re.compile("theme")).click()
    page.get_by_role("button", name=re.compile("theme")).click()

    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")


def test_a_running_run_updates_live_without_reloading(
    page: Page, dashboard: Dashboard, tmp_path: Path
) -> None:
    process = record(dashboard.home, "live", str(tmp_path))
    dag_requests: list[str] = []
    page.on("request", lambda r: dag_requests.append(r.url) if "/dag" in r.url else None)
    try:
        wait_for_file(tmp_path / "started")
        open_run(page, dashboard, "live_pipeline-1")
        expect(page.get_by_role("button", name="Step wait_for_go: Running")).to_be_visible()
        expect(page.get_by_role("status").filter(has_text="Live")).to_be_visible()

        (tmp_path / "go").write_text("go")

        expect(page.get_by_role("button", name="Step after_go: Completed")).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        finish(process, timeout=60)
        # The run's own end arrives as a run event, patched into the DAG's run too.
        expect(page.locator(".run-header h1 + .badge")).to_have_text(
            "Completed", timeout=LIVE_TIMEOUT_MS
        )
    finally:
        stop(process)
    # The graph was fetched once, then patched with the steps that changed.
    whole = [url for url in dag_requests if url.split("?")[0].endswith("/dag")]
    assert len(whole) == 1, whole
    assert any("/dag/steps?" in url for url in dag_requests), dag_requests


def test_a_large_run_opens_on_the_timeline_and_the_dag_is_one_click_away(
    page: Page, dashboard: Dashboard, large_run: subprocess.Popen[bytes]
) -> None:
    finish(large_run, timeout=240)
    open_run(page, dashboard, "many_steps-1")

    expect(page.get_by_role("region", name="Run timeline")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^seed: Completed"))).to_be_visible()
    page.get_by_role("button", name="DAG").click()

    expect(page.get_by_role("button", name="Step seed: Completed")).to_be_visible(timeout=30_000)
    expect(page).to_have_url(re.compile(r"view=dag"))



def test_a_large_runs_graph_mounts_only_what_is_on_screen_and_zoomed_out_draws_shapes(
    page: Page, dashboard: Dashboard, large_run: subprocess.Popen[bytes]
) -> None:
    finish(large_run, timeout=240)
    open_run(page, dashboard, "many_steps-1", "?view=dag")
    steps = page.get_by_role("button", name=re.compile(r"^Step "))
    expect(page.get_by_role("button", name="Step seed: Completed")).to_be_visible(timeout=30_000)

    mounted = steps.count()
    page.get_by_role("button", name="Fit view").click()

    assert 0 < mounted < 300, f"{mounted} step nodes mounted of 1,000"
    expect(page.get_by_role("img", name=re.compile(r"^The whole graph, zoomed out"))).to_be_visible()
    expect(steps).to_have_count(0)
    expect(page.get_by_role("img", name="Mini map of the run graph")).to_be_visible()

def wait_for_file(path: Path, timeout: float = 60) -> None:
    """Wait until the live pipeline's step has written `path`."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)
