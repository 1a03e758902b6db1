"""A run the Ray orchestrator refuses before its first step is stopped, saying why."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from headwater import Client
from headwater.store.models import ExecutionStatus
from tests.integration.ray.conftest import REPO_ROOT
from tests.integration.ray.helpers import latest_run, step_runs


def test_a_run_no_cluster_answers_for_is_stopped_before_its_first_step():
    # Bound but never listening: every connection to it is refused, and no other test
    # process can take the port meanwhile.
    with socket.socket() as nobody:
        nobody.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{nobody.getsockname()[1]}"
        client = Client()
        client.create_stack_component("far", "ray", "orchestrator", {"address": address})
        client.create_stack("far-away", {"orchestrator": "far", "artifact_store": "default"})
        client.activate_stack("far-away")

        # Its own process: this one may have joined the tests' Ray already.
        driver = subprocess.run(
            [sys.executable, "-c", "from tests.integration.ray.pipelines import chain; chain()"],
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert driver.returncode != 0
    assert f"RunRefusedError: No Ray cluster answers at '{address}'" in driver.stderr
    run = latest_run()
    assert run.status is ExecutionStatus.STOPPED
    assert (run.exception or "").startswith(
        f"The run was refused before its first step: No Ray cluster answers at '{address}'"
    )
    assert "`ray status`" in (run.exception or "")
    assert step_runs(run.id) == []


def test_a_run_from_a_folder_whose_headwater_would_shadow_ours_is_refused(local_ray, tmp_path):
    decoy = tmp_path / "project" / "headwater"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("raise ImportError('the decoy headwater was imported')\n")
    client = Client()
    client.create_stack_component("near", "ray", "orchestrator", {"address": local_ray})
    client.create_stack("on-ray", {"orchestrator": "near", "artifact_store": "default"})
    client.activate_stack("on-ray")

    # `-P`: the driver itself imports the installed Headwater; Ray's workers would not.
    driver = subprocess.run(
        [sys.executable, "-P", "-c", "from tests.integration.ray.pipelines import chain; chain()"],
        cwd=decoy.parent,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert driver.returncode != 0
    assert f"RunRefusedError: '{decoy}' would shadow the installed Headwater" in driver.stderr
    run = latest_run()
    assert run.status is ExecutionStatus.STOPPED
    assert str(decoy) in (run.exception or "")
    assert step_runs(run.id) == []
