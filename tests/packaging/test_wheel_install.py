"""The wheel, installed as a new user would: a clean venv, no Node, no clone (issue 17).

Build the wheel from this tree, install it into a fresh virtual environment (pip fetches
its dependencies as it always does), run a one-step pipeline there, `headwater up`, and
check in Chromium that the dashboard shows the run. Everything runs from a folder that
holds a decoy `headwater/` package, which no process may import instead of the wheel's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

ONE_STEP_PIPELINE = """
import headwater
from headwater import pipeline, step

@step
def greet() -> str:
    return "hello from the wheel"

@pipeline
def wheel_smoke():
    greet()

run = wheel_smoke()
print(run.name, run.status, headwater.__file__)
"""


def _run(command: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> str:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this tree by the build backend (with its dashboard hook)."""
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)]
    _run(command, cwd=REPO, env=dict(os.environ), timeout=600)
    (built,) = out.glob("headwater-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean virtual environment (no system packages) with the wheel installed."""
    environment = tmp_path_factory.mktemp("clean") / "venv"
    venv.create(environment, with_pip=True, system_site_packages=False)
    pip = [str(environment / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    _run([*pip, str(wheel)], cwd=environment, env=_clean_env(environment), timeout=600)
    return environment


def _clean_env(environment: Path, home: Path | None = None) -> dict[str, str]:
    """The environment of a new user's shell: no PYTHONPATH, no Headwater settings."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("HEADWATER_", "PYTHON", "VIRTUAL_ENV"))
    }
    env["PATH"] = f"{environment / 'bin'}:{env.get('PATH', '')}"
    if home is not None:
        env["HEADWATER_HOME"] = str(home)
    return env


def _decoy_folder(root: Path) -> Path:
    """A folder whose `headwater/` would break anything that imported it from the cwd."""
    folder = root / "project"
    (folder / "headwater").mkdir(parents=True)
    (folder / "headwater" / "__init__.py").write_text(
        "raise ImportError('imported the decoy headwater from the current folder')\n"
    )
    return folder


def test_the_wheel_carries_the_built_dashboard(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()

    assert "headwater/server/static/index.html" in names
    assert any(name.startswith("headwater/server/static/assets/") for name in names)


def test_a_clean_install_runs_a_pipeline_and_serves_it_in_the_dashboard(
    installed: Path, tmp_path: Path
):
    home = tmp_path / "home"
    cwd = _decoy_folder(tmp_path)
    script = tmp_path / "scripts" / "smoke.py"
    script.parent.mkdir()
    script.write_text(ONE_STEP_PIPELINE)
    env = _clean_env(installed, home)

    printed = _run([str(installed / "bin" / "python"), str(script)], cwd=cwd, env=env, timeout=120)
    run_name, status, module = printed.split()
    _run([str(installed / "bin" / "headwater"), "up", "--port", "0"], cwd=cwd, env=env, timeout=90)
    try:
        url = json.loads((home / "server.json").read_text())["url"]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{url}/")
            expect(page.get_by_text(run_name).first).to_be_visible(timeout=30_000)
            browser.close()
    finally:
        _run([str(installed / "bin" / "headwater"), "down"], cwd=cwd, env=env, timeout=60)

    assert status == "completed"
    assert Path(module).is_relative_to(installed)
