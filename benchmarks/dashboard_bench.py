"""`make bench-dashboard`: time from navigation to an interactive run DAG in headless Chromium.

Records real runs of 200, 1,000 and 2,000 steps (or `--sizes`) into a HEADWATER_HOME,
serves them with `headwater up`, opens each run's DAG view in Debian's Chromium and
measures, from `page.goto` until the laid-out nodes are on screen and respond to a click.
Then it drags the graph for 60 frames, at the first zoom and fitted whole, and reports the
median frame (16.7 ms is 60 frames a second).

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.dashboard_bench --sizes 2000,10000 \
        --home /tmp/dag-home

Recording a 10,000-step run takes minutes: with `--home` the runs are kept there, and a
later call with the same home records only the sizes it does not hold yet.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from playwright.sync_api import Browser, sync_playwright
from rich.console import Console
from rich.table import Table

SIZES = (200, 1000, 2000)
REPEATS = 3
LAYER_WIDTH = 20
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RECORD_SCRIPT = """
import sys
from headwater import pipeline, step

@step
def node(left: int, right: int, index: int) -> int:
    return left + right + index

@step
def source() -> int:
    return 0

@pipeline
def layered(count: int) -> None:
    previous = [source()]
    made = 1
    while made < count:
        width = min({width}, count - made)
        layer = [node(previous[i % len(previous)], previous[(i + 1) % len(previous)],
                      index=made + i)
                 for i in range(width)]
        made += width
        previous = layer

layered(count=int(sys.argv[1]))
"""


def record_run(home: Path, steps: int) -> None:
    """Record one real run of `steps` steps, in layers of LAYER_WIDTH."""
    script = RECORD_SCRIPT.replace("{width}", str(LAYER_WIDTH))
    env = {**os.environ, "HEADWATER_HOME": str(home)}
    subprocess.run([sys.executable, "-c", script, str(steps)], env=env, check=True)


def start_server(home: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`headwater up --blocking` on a free port, and its URL once it answers."""
    from headwater.server.process import find_running

    env = {**os.environ, "HEADWATER_HOME": str(home)}
    command = [str(Path(sys.executable).parent / "headwater"), "up", "--blocking", "--port", "0"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        running = find_running(home)
        if running is not None:
            try:
                httpx.get(f"{running.url}/api/v1/health", timeout=2).raise_for_status()
                return server, running.url
            except httpx.HTTPError:
                pass
        time.sleep(0.1)
    server.kill()
    raise SystemExit("The server did not start within 60 s.")


# Drags the graph by 12 px per animation frame from inside the page (no round trips to
# Playwright) and returns each frame's duration in ms: what panning feels like.
PAN_SCRIPT = """async (frames) => {
  const pane = document.querySelector('.react-flow__pane');
  const box = pane.getBoundingClientRect();
  let x = box.left + box.width * 0.8;
  const y = box.top + box.height / 2;
  const mouse = (type, target) => target.dispatchEvent(new MouseEvent(type,
    {clientX: x, clientY: y, bubbles: true, view: window, button: 0, buttons: 1}));
  mouse('mousedown', pane);
  const durations = [];
  let last = performance.now();
  for (let i = 0; i < frames; i++) {
    x -= 12;
    mouse('mousemove', window);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const now = performance.now();
    durations.push(now - last);
    last = now;
  }
  mouse('mouseup', window);
  return durations;
}"""
PAN_FRAMES = 60


@dataclass(frozen=True)
class DagTiming:
    """One visit of a run's DAG view."""

    seconds_to_interactive: float
    algorithm: str
    layout_ms: float
    # Median frame while dragging, at the first (readable) zoom and fitted whole.
    pan_frame_ms: float
    fitted_pan_frame_ms: float


def time_dag(browser: Browser, url: str) -> DagTiming:
    """Navigation to clickable DAG nodes, the layout, and frame times while panning."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector('.dag[aria-busy="false"] .react-flow__node', timeout=60_000)
    page.locator(".react-flow__node").first.click()
    page.wait_for_url("**step=*")
    elapsed = time.perf_counter() - start
    dag = page.locator(".dag")
    algorithm = dag.get_attribute("data-layout") or "?"
    layout_ms = float(dag.get_attribute("data-layout-ms") or "nan")
    pan = statistics.median(page.evaluate(PAN_SCRIPT, PAN_FRAMES))
    page.get_by_role("button", name="Fit view").click()
    page.wait_for_timeout(500)  # the fit animates for 200 ms
    fitted = statistics.median(page.evaluate(PAN_SCRIPT, PAN_FRAMES))
    page.close()
    return DagTiming(elapsed, algorithm, layout_ms, pan, fitted)


def recorded_sizes(base: str) -> dict[int, str]:
    """The runs the served home holds: step count to run id (the latest of each size)."""
    runs = httpx.get(f"{base}/api/v1/runs", params={"size": 100}).json()["items"]
    sizes: dict[int, str] = {}
    for run in sorted(runs, key=lambda r: r["created"]):
        dag = httpx.get(f"{base}/api/v1/runs/{run['id']}/dag", timeout=60).json()
        sizes[len(dag["steps"])] = run["id"]
    return sizes


def record_missing(home: Path, sizes: list[int]) -> None:
    """Record a run of each size the home does not hold yet (all of them in a new home)."""
    held: set[int] = set()
    if (home / "headwater.db").exists():
        server, base = start_server(home)
        try:
            held = set(recorded_sizes(base))
        finally:
            server.terminate()
            server.wait(timeout=15)
    for steps in sizes:
        if steps not in held:
            record_run(home, steps)


def measure(home: Path, sizes: list[int], repeats: int) -> Table:
    """Serve `home` and time each size's DAG view `repeats` times."""
    table = Table(
        title=f"Navigation to interactive run DAG, headless Chromium (median of {repeats})"
    )
    columns = ("steps", "nodes", "layout", "layout ms", "to interactive s")
    for column in (*columns, "pan frame ms", "fitted pan frame ms"):
        table.add_column(column, justify="right")
    server, base = start_server(home)
    try:
        run_ids = recorded_sizes(base)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for steps in sizes:
                run_id = run_ids[steps]
                dag = httpx.get(f"{base}/api/v1/runs/{run_id}/dag", timeout=60).json()
                url = f"{base}/runs/{run_id}?view=dag"
                results = [time_dag(browser, url) for _ in range(repeats)]
                nodes = len(dag["steps"]) + len(dag["artifacts"])
                table.add_row(
                    f"{steps:,}",
                    f"{nodes:,}",
                    results[0].algorithm,
                    f"{statistics.median(r.layout_ms for r in results):.0f}",
                    f"{statistics.median(r.seconds_to_interactive for r in results):.2f}",
                    f"{statistics.median(r.pan_frame_ms for r in results):.1f}",
                    f"{statistics.median(r.fitted_pan_frame_ms for r in results):.1f}",
                )
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=15)
    return table


def parse_sizes(text: str) -> list[int]:
    """'200,1000' as [200, 1000]; a readable error for anything else."""
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        sizes = []
    if not sizes or any(size < 2 for size in sizes):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a list of step counts. Give whole numbers of at least 2, "
            "separated by commas, e.g. '200,2000,10000'."
        )
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=parse_sizes, default=list(SIZES), help="step counts, e.g. 2000,10000"
    )
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument(
        "--home", type=Path, default=None, help="keep the recorded runs here and reuse them"
    )
    parser.add_argument(
        "--record-only", action="store_true", help="record the missing runs, measure nothing"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = args.home or Path(folder) / "home"
        record_missing(home, args.sizes)
        if args.record_only:
            return
        table = measure(home, args.sizes, args.repeats)
    Console().print(table)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
