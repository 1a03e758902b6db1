"""`make demo`'s script on a fresh home: it finishes and records what the dashboard shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from headwater.store.factory import open_store
from headwater.store.filters import ListQuery

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_demo_records_its_runs_and_a_sweep_of_eight_trainings(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWATER_")}
    env["HEADWATER_HOME"] = str(tmp_path)

    done = subprocess.run(
        [sys.executable, "demo.py"], cwd=EXAMPLES, env=env, capture_output=True, timeout=600
    )

    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    assert b"Best accuracy" in done.stdout
    store = open_store(f"sqlite:///{tmp_path / 'headwater.db'}")
    sweep = store.list_runs(ListQuery(filters={"pipeline_name": "sweep_training"}, size=50))
    assert sweep.total == 8
    steps = store.list_step_runs(
        ListQuery(filters={"run_id": str(sweep.items[0].id), "name": "fit"})
    ).items
    assert {"accuracy", "f1", "loss", "config"} <= set(steps[0].metadata)
    pending = store.list_approval_requests(ListQuery(filters={"status": "pending"})).items
    assert [(r.model_name, r.version_number, r.requested_by, r.approvals) for r in pending] == [
        ("iris", 3, "ada", 1)
    ]
    assert store.get_model("iris").approval_policies[0].required_approvals == 2
    connectors = store.list_service_connectors(ListQuery(sort_by="asc:name")).items
    assert [(c.name, c.type.value) for c in connectors] == [
        ("demo-s3", "aws"),
        ("shared-sftp", "generic"),
    ]
    bucket = store.get_stack_component("demo-bucket")
    assert bucket.settings["connector"] == "demo-s3"
