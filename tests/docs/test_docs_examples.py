"""Every Python example in docs/ and the README runs, each page in a fresh home (issue 17)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docs.markdown_examples import python_blocks

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted(
    page
    for page in [REPO / "README.md", *(REPO / "docs").rglob("*.md")]
    if python_blocks(page.read_text())
)


def test_the_docs_have_examples_to_run():
    assert len(PAGES) >= 5


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(REPO)))
def test_every_python_example_on_the_page_runs(page: Path, tmp_path: Path, headwater_home: Path):
    env = {**os.environ, "HEADWATER_HOME": str(headwater_home), "PYTHONPATH": str(REPO)}
    env["HEADWATER_LINEAGE_PORT"] = str(_free_port())  # the lineage visualizer's example

    result = subprocess.run(
        [sys.executable, "-m", "tests.docs.markdown_examples", str(page)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-4000:]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
