"""The comparison page in headless Chromium: first paint, "differences only", brushing.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.dashboard_compare

1. Records 100 runs x 500 keys (as `benchmarks.compare_runs` does) into a fresh SQLite
   home, serves them with `headwater up` and times, from `page.goto` of
   `/compare?runs=...`, until the table's first cells are on screen (the request, the
   comparison on the server and the first render all count).
2. Toggles "Differences only" from inside the page and times each toggle until the next
   frame has been painted.
3. Draws parallel coordinates of 1,000 runs x 30 axes, drags a brush along an axis in 60
   mouse moves and times every animation frame meanwhile. The API compares at most 500
   runs per request, so this case answers `POST /runs/compare` with a generated body of
   1,000 runs (Playwright's request routing): what is measured is the dashboard's drawing,
   not the server.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, Page, Route, sync_playwright
from rich.console import Console
from rich.table import Table

from benchmarks.compare_runs import KEYS, RUNS, seed
from headwater.server import process
from headwater.store.factory import open_store

REPEATS = 5
TOGGLES = 10
BRUSH_FRAMES = 60
PARALLEL_RUNS = 1000
PARALLEL_AXES = 30
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Clicks "Differences only" and resolves once the frame after React's update is painted.
TOGGLE_SCRIPT = """async () => {
  const box = [...document.querySelectorAll('input[type=checkbox]')]
    .find((input) => input.parentElement.textContent.includes('Differences only'));
  const began = performance.now();
  box.click();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - began;
}"""

# Records every animation frame's start while a brush is dragged; the drag itself is real
# input (Playwright's mouse, as a user's), so ECharts sees exactly what a browser sends.
FRAME_RECORDER = """() => {
  window.__frames = [];
  window.__recording = true;
  const tick = (now) => {
    window.__frames.push(now);
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
FRAME_DURATIONS = """() => {
  window.__recording = false;
  const frames = window.__frames;
  return frames.slice(1).map((now, i) => now - frames[i]);
}"""


# How long the page waited for `POST /runs/compare`, from the browser's resource timing.
REQUEST_SECONDS = """() => performance.getEntriesByType('resource')
  .filter((entry) => new URL(entry.name).pathname.endsWith('/api/v1/runs/compare'))
  .map((entry) => entry.duration / 1000)[0] ?? NaN"""


def first_paint_seconds(browser: Browser, url: str) -> tuple[float, float]:
    """Seconds from navigation to the comparison table's first cells on screen, and the
    part of it spent waiting for the comparison request."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    began = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(".compare-cell", timeout=60_000)
    elapsed = time.perf_counter() - began
    request = float(page.evaluate(REQUEST_SECONDS))
    page.close()
    return elapsed, request


def toggle_ms(browser: Browser, url: str) -> list[float]:
    """Each "Differences only" toggle, click to painted frame, in ms."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(url)
    page.wait_for_selector(".compare-cell", timeout=60_000)
    timings = [float(page.evaluate(TOGGLE_SCRIPT)) for _ in range(TOGGLES)]
    page.close()
    return timings


def generated_comparison(runs: int, axes: int) -> dict[str, object]:
    """A comparison body of `runs` runs and `axes` numeric parameter rows."""
    ids = [f"r{i}" for i in range(runs)]
    rows = [
        {
            "group": "parameters",
            "key": f"train.knob_{axis:02d}",
            "differs": True,
            "values": [((run * (axis + 7)) % 97) / 97 for run in range(runs)],
            "deltas": [None] * runs,
        }
        for axis in range(axes)
    ]
    return {
        "runs": [{"id": i, "name": f"sweep-{i}", "pipeline_name": "sweep"} for i in ids],
        "baseline": ids[0],
        "rows": rows,
    }


def brush_frames_ms(browser: Browser, base: str) -> list[float]:
    """Frame durations while brushing 1,000 runs x 30 axes."""
    body = json.dumps(generated_comparison(PARALLEL_RUNS, PARALLEL_AXES))
    page: Page = browser.new_page(viewport={"width": 1440, "height": 900})

    def answer(route: Route) -> None:
        route.fulfill(status=200, content_type="application/json", body=body)

    # The dashboard asks without deltas (`?deltas=false`): match the path, any query.
    page.route(lambda url: url.split("?")[0].endswith("/api/v1/runs/compare"), answer)
    runs = ",".join(f"r{i}" for i in range(PARALLEL_RUNS))
    axes = json.dumps([f"parameters/train.knob_{a:02d}" for a in range(PARALLEL_AXES)])
    page.goto(f"{base}/compare?view=parallel&runs={runs}&axes={axes}")
    page.wait_for_selector(f'.compare-chart.parallel[data-axes="{PARALLEL_AXES}"] canvas')
    page.wait_for_timeout(1000)  # the first draw
    box = page.locator(".compare-chart.parallel").bounding_box()
    assert box is not None
    x, top, height = box["x"] + 64, box["y"] + 48, box["height"] - 48 - 32
    page.mouse.move(x, top + 2)
    page.mouse.down()
    page.evaluate(FRAME_RECORDER)
    for frame in range(1, BRUSH_FRAMES + 1):
        page.mouse.move(x, top + 2 + height * 0.8 * frame / BRUSH_FRAMES)
    durations = [float(d) for d in page.evaluate(FRAME_DURATIONS)]
    page.mouse.up()
    kept = page.get_by_role("status").filter(has_text="runs in the brush").inner_text()
    page.close()
    assert "of 1000 runs" in kept, f"The brush did not select runs: {kept!r}"
    return durations


def main() -> None:
    console = Console()
    table = Table(title="The comparison page, headless Chromium")
    for column in ("case", "median", "p95"):
        table.add_column(column, justify="left" if column == "case" else "right")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        url = f"sqlite:///{home / 'headwater.db'}"
        store = open_store(url)
        names = seed(store)
        ids = [str(store.get_run(name).id) for name in names]
        store.close()
        os.environ.update(HEADWATER_HOME=str(home), HEADWATER_STORE_URL=url)
        server = process.start_background(home, "127.0.0.1", 0)
        try:
            page_url = f"{server.url}/compare?runs={','.join(ids)}"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
                )
                first_paint_seconds(browser, page_url)  # warm the server and the cache
                paints = [first_paint_seconds(browser, page_url) for _ in range(REPEATS)]
                toggles = toggle_ms(browser, page_url)
                frames = brush_frames_ms(browser, server.url)
                browser.close()
        finally:
            process.stop(server)
    table.add_row(
        f"first paint of the table, {RUNS} runs x {KEYS} keys (s)",
        f"{statistics.median(p for p, _ in paints):.2f}",
        f"{max(p for p, _ in paints):.2f}",
    )
    table.add_row(
        "  of which waiting for POST /runs/compare (s)",
        f"{statistics.median(r for _, r in paints):.2f}",
        f"{max(r for _, r in paints):.2f}",
    )
    table.add_row(
        "  of which the page itself: load, render, paint (s)",
        f"{statistics.median(p - r for p, r in paints):.2f}",
        f"{max(p - r for p, r in paints):.2f}",
    )
    table.add_row(
        '"differences only" toggle, click to painted frame (ms)',
        f"{statistics.median(toggles):.1f}",
        f"{sorted(toggles)[round(0.95 * (len(toggles) - 1))]:.1f}",
    )
    median = statistics.median(frames)
    table.add_row(
        f"brushing {PARALLEL_RUNS:,} runs x {PARALLEL_AXES} axes, frame (ms)",
        f"{median:.1f} ({1000 / median:.0f} fps)",
        f"{sorted(frames)[round(0.95 * (len(frames) - 1))]:.1f}",
    )
    console.print(table)


if __name__ == "__main__":
    main()
