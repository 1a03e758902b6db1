"""The documentation site builds offline with no warnings, its references from the code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_site_builds_strictly_with_generated_references(tmp_path: Path):
    site = tmp_path / "site"
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-4000:]
    cli = (site / "reference" / "cli" / "index.html").read_text()
    rest = (site / "reference" / "rest-api" / "index.html").read_text()
    python_api = (site / "reference" / "python-api" / "index.html").read_text()
    assert "headwater runs list" in cli
    assert "/api/v1/runs/{run_id}" in rest
    assert "log_metadata" in python_api
    assert "fonts.googleapis" not in (site / "index.html").read_text()
