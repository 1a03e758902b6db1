"""`make bench-integrations`: data quality reports of 100,000 rows, saved and shown.

Records one run over a reference and a current frame of `ROWS` rows each (six numeric
and two categorical columns): an Evidently drift report, a Great Expectations
validation, a whylogs profile and a comparison of two profiles. It reports how long each
step took, what each artifact stores (its files, and its largest file), then serves the
run with `headwater up` and times, in Debian's Chromium, from `page.goto` until every
table and chart of the artifact's page is on screen (median of `REPEATS`).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from rich.console import Console
from rich.table import Table

from benchmarks.dashboard_bench import CHROMIUM_ARGS, start_server

ROWS = 100_000
REPEATS = 3
RECORD_SCRIPT = """
import sys
import numpy as np
import pandas as pd
from typing import Annotated
from headwater import pipeline, step
from headwater.integrations.evidently import data_drift_report
from headwater.integrations.great_expectations import validate_dataframe
from headwater.integrations.whylogs import compare_profiles, profile_dataframe

ROWS = int(sys.argv[1])
SUITE = {"name": "bench", "expectations": [
    {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": f"n{i}"}}
    for i in range(6)
] + [{"type": "expect_column_values_to_be_in_set",
      "kwargs": {"column": "c0", "value_set": ["a", "b", "c"]}}]}

def frame(seed, shift):
    rng = np.random.default_rng(seed)
    columns = {f"n{i}": rng.normal(i * shift, 1.0, ROWS) for i in range(6)}
    columns["c0"] = rng.choice(["a", "b", "c", "d"], ROWS)
    columns["c1"] = rng.choice([f"k{i}" for i in range(50)], ROWS)
    return pd.DataFrame(columns)

@step
def frames() -> tuple[Annotated[pd.DataFrame, "reference"], Annotated[pd.DataFrame, "current"]]:
    return frame(0, 0.0), frame(1, 0.05)

@pipeline
def quality_at_scale() -> None:
    reference, current = frames()
    data_drift_report(reference, current)
    validate_dataframe(current, SUITE)
    compare_profiles(profile_dataframe(reference), profile_dataframe(current))

quality_at_scale()
"""
# The artifact pages to open: the output's data type ends with ...
PAGES = ("Snapshot", "ExpectationSuiteValidationResult", "DatasetProfileView", "ProfileComparison")


@dataclass(frozen=True, slots=True)
class StoredArtifact:
    step: str
    data_type: str
    seconds: float
    stored_bytes: int
    largest_file: str
    largest_bytes: int
    artifact_id: str


def record(home: Path) -> list[StoredArtifact]:
    """Record the run and describe each integration artifact it stored."""
    env = {**os.environ, "HEADWATER_HOME": str(home)}
    subprocess.run([sys.executable, "-c", RECORD_SCRIPT, str(ROWS)], env=env, check=True)
    os.environ["HEADWATER_HOME"] = str(home)
    from headwater import Client

    run = Client().list_pipeline_runs(pipeline_name="quality_at_scale").items[0]
    described = []
    for name, step_run in run.steps.items():
        for output in step_run.outputs.values():
            if not output.data_type.endswith(PAGES):
                continue
            files = [p for p in Path(output.uri).rglob("*") if p.is_file()]
            largest = max(files, key=lambda p: p.stat().st_size)
            described.append(
                StoredArtifact(
                    step=name,
                    data_type=output.data_type.rsplit(".", 1)[1],
                    seconds=step_run.duration_seconds or 0.0,
                    stored_bytes=sum(p.stat().st_size for p in files),
                    largest_file=str(largest.relative_to(output.uri)),
                    largest_bytes=largest.stat().st_size,
                    artifact_id=str(output.id),
                )
            )
    return described


# True once the page has visualizations and each shows its table, frame or drawn chart.
_ALL_DRAWN = """() => {
  const sections = [...document.querySelectorAll('section[aria-label^="Visualization "]')];
  return sections.length > 0 && sections.every(
    (s) => s.querySelector('table, iframe, [role=img] canvas, [role=img] svg'));
}"""


def time_page(browser: Browser, url: str, artifact_id: str) -> float:
    """Seconds from navigation until every visualization of the page is drawn, the
    dashboard's own files already cached (as for a user moving between artifacts)."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{url}/artifacts/{artifact_id}")
    page.wait_for_function(_ALL_DRAWN)
    started = time.perf_counter()
    page.goto(f"{url}/artifacts/{artifact_id}")
    page.wait_for_function(_ALL_DRAWN)
    elapsed = time.perf_counter() - started
    page.close()
    return elapsed


def main() -> None:
    console = Console(width=150)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        artifacts = record(home)
        server, url = start_server(home)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
                )
                shown = {
                    a.artifact_id: statistics.median(
                        time_page(browser, url, a.artifact_id) for _ in range(REPEATS)
                    )
                    for a in artifacts
                }
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=15)
    table = Table(title=f"Data quality artifacts of {ROWS:,} rows (page: median of {REPEATS})")
    for column in ("step", "type", "step s", "stored MiB", "largest file", "MiB", "page s"):
        table.add_column(
            column, justify="left" if column in ("step", "type", "largest file") else "right"
        )
    for a in artifacts:
        table.add_row(
            a.step,
            a.data_type,
            f"{a.seconds:.2f}",
            f"{a.stored_bytes / 2**20:.2f}",
            a.largest_file,
            f"{a.largest_bytes / 2**20:.2f}",
            f"{shown[a.artifact_id]:.2f}",
        )
    console.print(table)
    console.print(
        f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
