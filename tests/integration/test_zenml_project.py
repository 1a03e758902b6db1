"""The ZenML-shaped example project (examples/zenml_project) on a fresh home: written as
a ZenML user writes it, with only the import renamed, it runs all four pipelines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from headwater.store.factory import open_store
from headwater.store.filters import ListQuery

pytest.importorskip("sklearn")
ROOT = Path(__file__).resolve().parents[2]
PROJECT = ROOT / "examples" / "zenml_project"


def test_the_zenml_project_trains_promotes_and_infers_with_the_production_version(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADWATER_")}
    env["HEADWATER_HOME"] = str(tmp_path)
    env["PYTHONPATH"] = str(ROOT)

    done = subprocess.run(
        [sys.executable, "run.py"], cwd=PROJECT, env=env, capture_output=True, timeout=600
    )

    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    assert b"Predicted 28 rows with the production model." in done.stdout
    store = open_store(f"sqlite:///{tmp_path / 'headwater.db'}")
    runs = store.list_runs(ListQuery(size=20)).items
    assert sorted(r.pipeline_name for r in runs) == [
        "feature_engineering",
        "inference",
        "training",
        "training",
    ]
    production = store.get_model_version("breast_cancer_classifier", "production")
    assert {"test_accuracy", "license", "ethics"} <= set(production.metadata)
