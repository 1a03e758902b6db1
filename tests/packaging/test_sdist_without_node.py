"""A wheel built from the sdist on a machine without Node stops and says why (issue 17).

The sdist carries the dashboard's sources, not its build, so a wheel made from it has to
build the dashboard; without npm that must be a clear failure, never a wheel that installs
fine and then answers "the dashboard has not been built into this installation".
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _build(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build", *arguments],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_a_wheel_from_the_sdist_without_npm_fails_naming_node(tmp_path: Path):
    built = _build("--sdist", "--outdir", str(tmp_path / "dist"), str(REPO), env=dict(os.environ))
    assert built.returncode == 0, built.stderr[-3000:]
    (sdist,) = (tmp_path / "dist").glob("headwater-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        archive.extractall(tmp_path / "unpacked", filter="data")
    (source,) = (tmp_path / "unpacked").iterdir()
    # A PATH with nothing on it: no npm, no node (the build frontend calls Python by path).
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}

    wheel = _build("--wheel", "--outdir", str(tmp_path / "wheel"), str(source), env=env)

    assert any(name.endswith("/dashboard/package.json") for name in names)
    assert not any("/headwater/server/static/" in name for name in names)
    assert wheel.returncode != 0
    assert "needs Node.js 20 or newer with npm on PATH" in wheel.stdout + wheel.stderr
    assert not list((tmp_path / "wheel").glob("*.whl"))
