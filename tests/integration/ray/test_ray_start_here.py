"""An orchestrator with no address starts its own Ray, whatever Ray this machine runs."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.integration.ray.conftest import REPO_ROOT

_PRINT_JOINED_CLUSTER = (
    "from headwater.integrations.ray.cluster import connect_ray;"
    "from headwater.integrations.ray.settings import RayOrchestratorSettings;"
    "ray = connect_ray(RayOrchestratorSettings(num_cpus=1));"
    "print(ray.get_runtime_context().gcs_address);"
    "ray.shutdown()"
)


def test_an_unset_address_starts_ray_here_instead_of_joining_a_running_one(local_ray):
    # RAY_ADDRESS is how Ray's own default finds a cluster left running on this machine.
    joined = subprocess.run(
        [sys.executable, "-c", _PRINT_JOINED_CLUSTER],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "RAY_ADDRESS": local_ray},
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert joined.returncode == 0, joined.stderr
    gcs_address = joined.stdout.strip().splitlines()[-1]
    assert gcs_address
    assert gcs_address != local_ray
