"""A folder that holds a `headwater/` directory never lends it to a child process (issue 17).

`python -m` puts the current folder first on `sys.path`; Headwater starts its children
with `-P`, so a step process started from a clone, or from a project that happens to
have a `headwater/` folder, imports the installed Headwater, not that folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from headwater import Client
from headwater.runner.orchestrators.subprocess import SubprocessOrchestrator
from headwater.runner.pipeline_runner import RunTarget, run_pipeline
from headwater.session import get_session
from tests.pipelines.linear import linear

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_steps_in_child_processes_ignore_a_headwater_folder_in_the_current_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    decoy = tmp_path / "project" / "headwater"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("raise ImportError('the decoy headwater was imported')\n")
    # The children find Headwater and the test pipelines where this process does.
    monkeypatch.setenv("PYTHONPATH", str(REPO_ROOT))
    monkeypatch.chdir(decoy.parent)
    session = get_session()
    spec, _ = linear.compile(n=3)
    orchestrator = SubprocessOrchestrator(
        session.settings.store_url, session.settings.artifact_store_url
    )
    target = RunTarget(session.store, session.artifact_store, orchestrator=orchestrator)

    run = run_pipeline(spec, target, functions={})

    response = Client().get_pipeline_run(run.id)
    assert response.status == "completed"
    assert response.model.orchestrator == "subprocess"
    assert response.steps["total"].output.load() == 6
