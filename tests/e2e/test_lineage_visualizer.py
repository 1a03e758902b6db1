"""The lineage pictures in headless Chromium: the seed example's Dash page, the HTML export."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from headwater.client import Client
from headwater.integrations.dash.visualizers.pipeline_run_lineage_visualizer import (
    PipelineRunLineageVisualizer,
)
from headwater.lineage.html import render_html
from headwater.lineage.loading import load_lineage_graph
from headwater.session import get_session
from tests.pipelines.diamond import diamond
from tests.pipelines.gated import gated

EXAMPLE = Path(__file__).parents[2] / "examples" / "lineage_visualizer.py"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Reading cy's nodes: the graph is a canvas, so its state is asked of Cytoscape itself.
NODE_STATUSES = "() => window.cy.nodes().map((n) => [n.data('label'), n.data('status')])"
# Checks poll on a timer: animation frames may be throttled in a page nobody looks at.
POLL_MS = 100
# Every element inside the visible extent, and the graph spans at least half of it.
GRAPH_FILLS_THE_VIEWPORT = """() => {
    const cy = window.cy, box = cy.elements().boundingBox(), view = cy.extent();
    const inside = box.x1 >= view.x1 - 1 && box.x2 <= view.x2 + 1
        && box.y1 >= view.y1 - 1 && box.y2 <= view.y2 + 1;
    return inside && (box.w >= view.w / 2 || box.h >= view.h / 2);
}"""
GRAPH_SHOWS_RUN = """(name) =>
    window.cy && window.cy.nodes().length > 0 && window.cy.nodes()[0].data('run') === name"""
STEP_STATUS_IS = """([id, status]) =>
    window.cy && window.cy.getElementById(id).data('status') === status"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, tmp_path: Path) -> Iterator[Page]:
    """A fresh page; its last picture is kept in the test's folder, pass or fail."""
    context = browser.new_context(viewport={"width": 1280, "height": 760})
    page = context.new_page()
    yield page
    page.screenshot(path=str(tmp_path / "last.png"))
    context.close()


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ExampleProcess:
    """The seed example run as a user would, from a terminal, with its stderr read live."""

    def __init__(self, home: Path, port: int) -> None:
        env = {**os.environ, "HEADWATER_HOME": str(home), "HEADWATER_LINEAGE_PORT": str(port)}
        self.process = subprocess.Popen(
            [sys.executable, str(EXAMPLE)],
            env=env,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            # Ctrl-C must reach Python even when the test runner ignores SIGINT.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)

    def wait_for_line(self, text: str, timeout: float = 60) -> str:
        """The first stderr line containing `text`; fails after `timeout` seconds."""
        seen = []
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                pytest.fail(f"the example never printed {text!r}; it printed:\n{''.join(seen)}")
            seen.append(line)
            if text in line:
                return line

    def stop(self) -> None:
        """Kill the example if a test left it running, and close its pipe."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._reader.join(timeout=10)
        assert self.process.stderr is not None
        self.process.stderr.close()


@pytest.fixture
def example(tmp_path: Path) -> Iterator[tuple[ExampleProcess, str]]:
    """The seed example, running until Ctrl-C, and the address it serves."""
    port = free_port()
    process = ExampleProcess(tmp_path / "home", port)
    yield process, f"http://127.0.0.1:{port}/"
    process.stop()


@pytest.fixture(scope="module")
def served_example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One seed example process serving its page, shared by the tests that only look."""
    port = free_port()
    process = ExampleProcess(tmp_path_factory.mktemp("served") / "home", port)
    process.wait_for_line("press Ctrl-C")
    yield f"http://127.0.0.1:{port}/"
    process.stop()


def statuses_of_tab(page: Page, run_name: str) -> list[Any]:
    """Select a run's tab and read the steps and artifacts its graph shows."""
    # Dash's tabs carry no ARIA roles: find the tab by its text inside the tab bar.
    page.locator("#runs").get_by_text(run_name, exact=True).click()
    page.wait_for_function(GRAPH_SHOWS_RUN, arg=run_name, polling=POLL_MS)
    return sorted(page.evaluate(NODE_STATUSES))


def test_seed_example_shows_its_three_runs_as_tabs_until_ctrl_c(example, page, tmp_path):
    process, url = example
    process.wait_for_line("press Ctrl-C")

    page.goto(url)

    expect(page.locator(".summary strong")).to_have_text("first_pipeline-3")
    labels = page.locator("#runs").get_by_text("first_pipeline-").all_inner_texts()
    assert labels == ["first_pipeline-1", "first_pipeline-2", "first_pipeline-3"]
    run_3 = statuses_of_tab(page, "first_pipeline-3")
    run_1 = statuses_of_tab(page, "first_pipeline-1")
    run_2 = statuses_of_tab(page, "first_pipeline-2")
    page.screenshot(path=str(tmp_path / "run2.png"))
    assert {status for _, status in run_1} == {"completed"}
    assert {status for _, status in run_3} == {"completed"}
    assert dict(run_2)["step_1"] == "cached"
    assert dict(run_2)["step_2"] == "completed"
    assert dict(run_2)["X_train"] == "cached"

    process.process.send_signal(signal.SIGINT)

    process.wait_for_line("stopped")
    assert process.process.wait(timeout=30) == 0


def test_clicking_a_step_shows_its_details_in_the_side_panel(served_example, page, tmp_path):
    page.goto(served_example)
    statuses_of_tab(page, "first_pipeline-2")
    box = page.locator("#lineage").bounding_box()
    assert box is not None
    point = page.evaluate("() => window.cy.getElementById('step:step_1').renderedPosition()")

    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    details = page.get_by_role("complementary")
    expect(details.locator("h2")).to_have_text("step_1")
    expect(details.locator("tr", has_text="status")).to_contain_text("cached")
    expect(details.locator("tr", has_text="outputs")).to_contain_text("X_train, X_test")
    page.screenshot(path=str(tmp_path / "details.png"))


def test_fit_reframes_the_graph_and_reset_puts_moved_nodes_back(served_example, page):
    page.goto(served_example)
    statuses_of_tab(page, "first_pipeline-1")
    # Zoomed far out and panned away, the graph is a speck off to one side.
    page.evaluate("() => { window.cy.zoom(0.3); window.cy.pan({x: 500, y: 400}); }")

    page.get_by_role("button", name="Fit").click()

    # Compared with the viewport rather than a zoom read earlier: the tab's own fit may
    # still be settling when the test starts, so an earlier zoom is no reference.
    page.wait_for_function(GRAPH_FILLS_THE_VIEWPORT, polling=POLL_MS)
    # A block body, so the evaluation returns nothing rather than a Cytoscape element.
    page.evaluate("() => { window.cy.getElementById('step:step_2').position({x: 900, y: 900}); }")
    page.get_by_role("button", name="Reset").click()
    page.wait_for_function(
        """() => {
            const node = window.cy.getElementById('step:step_2');
            return node.position('x') === node.data('position').x;
        }""",
        polling=POLL_MS,
    )
    expect(page.get_by_role("complementary")).to_contain_text("Click a step or an artifact")


def test_exported_html_works_offline_with_details_fit_and_reset(browser, tmp_path):
    diamond()
    run = diamond()
    path = tmp_path / "lineage.html"
    path.write_text(render_html(load_lineage_graph(get_session().store, run.id)))
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 700})
    page = context.new_page()

    page.goto(path.as_uri())
    page.get_by_role("button", name="step join, cached").click()

    details = page.get_by_role("complementary", name="Details")
    expect(details.locator("h2")).to_have_text("join")
    expect(details.locator("tr", has_text="status")).to_contain_text("cached")
    page.screenshot(path=str(tmp_path / "export.png"))
    page.get_by_role("button", name="Reset").click()
    expect(details).to_contain_text("Click a step or an artifact")
    context.close()


def wait_for_running_step(step_name: str) -> Any:
    """The newest run once its step `step_name` is running."""
    client = Client()
    while True:
        runs = client.list_pipeline_runs(pipeline_name="gated", size=1).items
        if runs and runs[0].steps.get(step_name) is not None:
            return runs[0]
        time.sleep(0.05)


def test_a_running_run_updates_as_its_steps_finish(page, tmp_path):
    gate = tmp_path / "gate"
    runner = threading.Thread(target=gated, kwargs={"gate": str(gate)})
    runner.start()
    try:
        run = wait_for_running_step("waits")
        url = PipelineRunLineageVisualizer(port=0, open_browser=False).visualize(run, block=False)
        page.goto(url)
        page.wait_for_function(STEP_STATUS_IS, arg=["step:waits", "running"], polling=POLL_MS)
        page.screenshot(path=str(tmp_path / "running.png"))

        gate.touch()

        page.wait_for_function(STEP_STATUS_IS, arg=["step:waits", "completed"], polling=POLL_MS)
        expect(page.locator(".summary .badge")).to_have_text("completed")
    finally:
        gate.touch()
        runner.join()
        PipelineRunLineageVisualizer.stop()
