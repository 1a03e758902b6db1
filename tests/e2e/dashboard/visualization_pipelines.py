"""A pipeline whose artifacts show every kind of visualization, one of them hostile."""

from __future__ import annotations

from typing import Annotated

import numpy as np

from headwater import Materializer, pipeline, step
from headwater.artifacts import SavedVisualization

SUMMARY = """# Summary

| metric | value |
|---|---|
| accuracy | 0.95 |

Trained with `learning_rate=0.1`, see [the run list](/runs).
"""
# Markdown that tries to run code in three ways; the dashboard must show none of them.
HOSTILE_NOTES = """# Release notes

Scores are **up**.

<script>document.title = "pwned"</script>
<img src="x" onerror="document.title = 'pwned'" alt="broken chart">

[a link](javascript:alert(1))
"""
# An HTML report whose inline script runs in its sandbox and reports what it may do.
REPORT = """<!doctype html><meta charset="utf-8"><title>Report</title>
<h1>Quarterly scores</h1>
<p id="script">scripts are off</p>
<script>document.getElementById("script").textContent = "inline script ran";</script>
"""

# An HTML page that tries to call the API and says whether its policy stopped it.
PROBE = """<!doctype html><meta charset="utf-8"><title>Probe</title>
<p id="verdict">not tried</p>
<script>
const verdict = document.getElementById("verdict");
document.addEventListener("securitypolicyviolation", (event) => {
  verdict.textContent = `blocked by ${event.effectiveDirective}`;
});
fetch("/api/v1/runs").then(
  () => { verdict.textContent = "reached the API"; },
  () => { if (verdict.textContent === "not tried") verdict.textContent = "failed"; },
);
</script>
"""


class Report(str):
    """Text a step hands back as a ready-made HTML page."""


class ReportMaterializer(Materializer):
    """Saves a `Report` as text and shows it as an HTML visualization."""

    ASSOCIATED_TYPES = (Report,)

    def save(self, data: Report) -> None:
        self.fs.pipe_file(self.file_path("report.html"), data.encode())

    def load(self, data_type: type) -> Report:
        return Report(self.fs.cat_file(self.file_path("report.html")).decode())

    def save_visualizations(self, data: Report) -> list[SavedVisualization]:
        return [self.write_visualization("report", "html", data.encode(), extension="html")]


@step
def write_summary() -> Annotated[str, "summary"]:
    return SUMMARY


@step
def write_notes() -> Annotated[str, "notes"]:
    return HOSTILE_NOTES


@step(output_materializers=ReportMaterializer)
def write_report() -> Annotated[Report, "report"]:
    return Report(REPORT)


@step(output_materializers=ReportMaterializer)
def write_probe() -> Annotated[Report, "probe"]:
    return Report(PROBE)


@step
def measure_wave() -> Annotated[np.ndarray, "wave"]:
    return np.sin(np.linspace(0, 4 * np.pi, 200))


@pipeline(name="visualized")
def visualized() -> None:
    """Markdown, HTML pages and a chart, each an artifact of its own step."""
    write_summary()
    write_notes()
    write_report()
    write_probe()
    measure_wave()
