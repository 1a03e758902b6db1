"""A local run loads only what it uses: no HTTP client, no terminal rendering, no extras.

Every module a run imports is paid for by every `python p.py` (issue 19); the figures
are in benchmarks/whole_process.py and benchmarks/process_phases.py, and this test
keeps the unused ones from creeping back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

# Run a pipeline twice (a fresh run, then a cached one) with stdout piped, not a terminal.
_RUN_AND_LIST_MODULES = """
import json, sys
from tests.pipelines.linear import linear
linear()
linear()
print(json.dumps(sorted(sys.modules)))
"""

# Packages a local run on the embedded store has no use for.
_UNUSED_BY_A_LOCAL_RUN = (
    "httpx",  # the REST store's client
    "httpcore",
    "rich",  # terminal rendering: stdout is not a terminal here
    "pygments",
    "click",
    "typer",
    "cryptography",  # component secrets: the default stack has none
    "alembic",  # the home's database is already at the current schema
    "sqlalchemy",  # a current SQLite store records with the standard library's sqlite3
    "fsspec",  # the default artifact store is a local folder
    "psutil",  # Linux answers staging owners and peak memory from /proc
    "fastapi",
    "starlette",
    "pandas",
    "numpy",
)


def _modules_after_local_runs(home: Path) -> set[str]:
    env = {**os.environ, "HEADWATER_HOME": str(home), "PYTHONPATH": str(REPO_ROOT)}
    # The first process migrates the new home and makes its default stack (through the
    # full SQL store, once per home); the second is the one measured.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from headwater.session import get_session; get_session().active_stack()",
        ],
        env=env,
        check=True,
        cwd=REPO_ROOT,
    )
    result = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST_MODULES],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def _loaded(modules: set[str], package: str) -> list[str]:
    return sorted(m for m in modules if m == package or m.startswith(f"{package}."))


def test_a_local_run_imports_no_package_it_does_not_use(headwater_home):
    modules = _modules_after_local_runs(headwater_home)

    loaded = {package: _loaded(modules, package) for package in _UNUSED_BY_A_LOCAL_RUN}

    assert {package: found for package, found in loaded.items() if found} == {}
