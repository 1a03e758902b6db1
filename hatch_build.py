"""Hatch build hook: every wheel carries the built dashboard (issue 17).

The dashboard's build output (`headwater/server/static/`) is ignored by git, so a wheel
would leave it out. This hook builds it from `dashboard/` (when a source is newer than the
last build) and adds it to the wheel, so `pip install headwater-*.whl && headwater up`
serves the dashboard with no Node and no clone. Building a wheel without Node, from an
sdist or a clone, stops with a message that says what to install, never silently without
the dashboard. Editable installs skip it: `make dashboard` builds into the source tree.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

STATIC = Path("headwater/server/static")
STAMP_NAME = ".build-stamp"
# What the build reads: a change to any of them makes the built dashboard stale.
SOURCES = (
    "src",
    "index.html",
    "package.json",
    "package-lock.json",
    "vite.config.ts",
    "tsconfig.json",
)


class DashboardBuildHook(BuildHookInterface):
    """Build `dashboard/` into the package's static folder and ship that folder."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        dashboard = root / "dashboard"
        static = root / STATIC
        if not _is_fresh(dashboard, static):
            _build_dashboard(dashboard)
        if not (static / "index.html").is_file():
            raise RuntimeError(
                f"The dashboard build did not write '{static / 'index.html'}'; the wheel "
                f"would have no dashboard. Run `cd dashboard && npx vite build` and read "
                f"its output."
            )
        # The folder is git-ignored, which hatch honours unless it is forced in.
        build_data["force_include"][str(static)] = str(STATIC)


def _is_fresh(dashboard: Path, static: Path) -> bool:
    """True when the built dashboard is newer than every file its build reads."""
    stamp = static / STAMP_NAME
    if not stamp.is_file():
        return False
    if not dashboard.is_dir():
        return True  # built elsewhere, nothing here could be newer
    built_at = stamp.stat().st_mtime
    for name in SOURCES:
        path = dashboard / name
        files = path.rglob("*") if path.is_dir() else [path]
        if any(file.is_file() and file.stat().st_mtime > built_at for file in files):
            return False
    return True


def _build_dashboard(dashboard: Path) -> None:
    """Install the dashboard's locked npm packages if needed and build it."""
    npm = shutil.which("npm")
    if npm is None or not (dashboard / "package.json").is_file():
        raise RuntimeError(
            "Building Headwater's wheel builds its dashboard, which needs Node.js 20 or "
            "newer with npm on PATH (and the 'dashboard/' folder of the sdist or clone). "
            "Install Node.js and build again, or install a published wheel, which already "
            "carries the dashboard."
        )
    if not (dashboard / "node_modules" / ".package-lock.json").is_file():
        # Exactly the lock file's versions, never rewriting it (see the Makefile).
        _run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error"], dashboard
        )
    _run([npm, "exec", "--", "vite", "build", "--logLevel", "warn"], dashboard)
    (dashboard.parent / STATIC / STAMP_NAME).touch()


def _run(command: list[str], folder: Path) -> None:
    result = subprocess.run(command, cwd=folder, check=False)
    if result.returncode != 0:
        raise RuntimeError(
            f"`{' '.join(command[1:])}` in '{folder}' exited with {result.returncode} while "
            f"building the dashboard for the wheel; read its output above."
        )
