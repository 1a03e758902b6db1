"""How soon a running big run's page shows a step change, in headless Chromium.

Records a real run of `STEPS` quick steps followed by `GATES` steps that each wait for a
signal file, serves it with `headwater up`, and opens the run's page while the run waits
at its first gate. Then, gate after gate, it writes the signal file and times until the
page's step counts show the step completed: the step noticing its file (within 2 ms),
the runner recording it, the server's event poller, the page's event batching and the
DAG patch (`GET /runs/{id}/dag/steps`) or, before patches, the whole DAG refetched.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.dashboard_live [--steps 5000]

The aim (issue 19) is 200 ms at 5,000 steps.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright
from rich.console import Console
from rich.table import Table

from benchmarks.dashboard_bench import CHROMIUM_ARGS, start_server

GATES = 12
RECORD_SCRIPT = """
import sys, time
from pathlib import Path
from headwater import pipeline, step

SIGNALS = Path(sys.argv[2])

@step
def quick(previous: int, index: int) -> int:
    return previous + index

@step
def source() -> int:
    return 0

@step
def gate(previous: int, number: int) -> int:
    signal = SIGNALS / f"gate-{number}"
    while not signal.exists():
        time.sleep(0.002)
    return previous + 1

@pipeline
def big(count: int, gates: int) -> None:
    layer = [source()]
    for index in range(count - 1):
        layer.append(quick(layer[index % len(layer)], index=index))
    last = layer[-1]
    for number in range(gates):
        last = gate(last, number=number)

big(count=int(sys.argv[1]), gates=int(sys.argv[3]))
"""


# Whether the page's header counts at least `want` completed steps.
COMPLETED_AT_LEAST = """(want) => {
  const list = document.querySelector('ul[aria-label="Steps by status"]');
  const line = [...(list?.children ?? [])]
    .map((li) => li.textContent ?? '')
    .find((t) => t.trim().endsWith('completed'));
  return line && Number(line.trim().split(/\\s/)[0].replace(/,/g, '')) >= want;
}"""


def completed_count(page: Page) -> int:
    """The number of completed steps the page's header shows."""
    text = page.locator('ul[aria-label="Steps by status"]').inner_text()
    for line in text.splitlines():
        if line.strip().endswith("completed"):
            return int(line.split()[0].replace(",", ""))
    return 0


def wait_for_first_gate(base: str, steps: int, deadline_s: float = 600) -> dict[str, object]:
    """The run, once every quick step is recorded and the first gate is running."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        runs = httpx.get(f"{base}/api/v1/runs", params={"size": 1}).json()["items"]
        if runs:
            run = runs[0]
            page = httpx.get(
                f"{base}/api/v1/runs/{run['id']}/steps",
                params={"status": "running", "size": 1},
            ).json()
            done = httpx.get(
                f"{base}/api/v1/runs/{run['id']}/steps",
                params={"status": "completed", "size": 1},
            ).json()
            if page["items"] and done["total"] >= steps:
                return dict(run)
        time.sleep(0.5)
    raise SystemExit("The run did not reach its first gate in time.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home, signals = Path(folder) / "home", Path(folder) / "signals"
        signals.mkdir()
        env = {**os.environ, "HEADWATER_HOME": str(home)}
        recorder = subprocess.Popen(
            [sys.executable, "-c", RECORD_SCRIPT, str(args.steps), str(signals), str(GATES)],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        # The server serves the store the recording makes.
        while not (home / "headwater.db").exists():
            time.sleep(0.1)
        server, base = start_server(home)
        latencies: list[float] = []
        try:
            run = wait_for_first_gate(base, args.steps)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
                )
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                page.goto(f"{base}/runs/{run['id']}")
                page.wait_for_selector('ul[aria-label="Steps by status"]', timeout=60_000)
                page.wait_for_timeout(1500)  # the live stream connects
                for number in range(GATES):
                    before = completed_count(page)
                    start = time.perf_counter()
                    (signals / f"gate-{number}").touch()
                    page.wait_for_function(
                        COMPLETED_AT_LEAST, arg=before + 1, polling="raf", timeout=30_000
                    )
                    latencies.append((time.perf_counter() - start) * 1000)
                    page.wait_for_timeout(300)
                browser.close()
        finally:
            for signal in range(GATES):
                (signals / f"gate-{signal}").touch()
            recorder.wait(timeout=120)
            server.terminate()
            server.wait(timeout=15)
    table = Table(title=f"Step change to page, a running {args.steps:,}-step run")
    for column in ("changes", "median ms", "p90 ms", "max ms"):
        table.add_column(column, justify="right")
    ordered = sorted(latencies)
    table.add_row(
        str(len(ordered)),
        f"{statistics.median(ordered):.0f}",
        f"{ordered[int(0.9 * (len(ordered) - 1))]:.0f}",
        f"{ordered[-1]:.0f}",
    )
    Console().print(table)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
