"""Ray for the Ray tests: started once per module, always shut down, and the `ray`
flavor known to every process the tests start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from headwater.stacks.flavor_registry import FLAVORS_VARIABLE

REPO_ROOT = Path(__file__).resolve().parents[3]
RAY_FLAVOR = "headwater.integrations.ray.flavor:RayOrchestratorFlavor"
# Workers import the tests' steps from this checkout, as a user's workers import theirs.
WORKER_ENV = {"env_vars": {"PYTHONPATH": str(REPO_ROOT)}}


@pytest.fixture(autouse=True)
def ray_flavor_known(monkeypatch: pytest.MonkeyPatch) -> None:
    """Name the flavor as the package's entry point does (an installed copy may predate
    it; tests/unit/integrations/test_ray_settings.py checks the entry point itself)."""
    monkeypatch.setenv(FLAVORS_VARIABLE, RAY_FLAVOR)


@pytest.fixture(scope="module")
def local_ray() -> Iterator[str]:
    """Ray on this machine with two CPUs, for one test module; its GCS address."""
    import ray

    context = ray.init(
        num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env=WORKER_ENV
    )
    try:
        yield context.address_info["gcs_address"]
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def two_nodes() -> Iterator[dict[str, str]]:
    """Two Ray nodes on this machine (Ray's test cluster): a head with one CPU and a
    worker node with one CPU and a custom 'special' resource. Node name -> node id."""
    import ray
    from ray.cluster_utils import Cluster

    cluster = Cluster(
        initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False}
    )
    try:
        cluster.add_node(num_cpus=1, resources={"special": 1})
        cluster.wait_for_nodes()
        ray.init(address=cluster.address, log_to_driver=False, runtime_env=WORKER_ENV)
        nodes = {
            ("special" if "special" in node["Resources"] else "head"): node["NodeID"]
            for node in ray.nodes()
            if node["Alive"]
        }
        yield nodes
    finally:
        ray.shutdown()
        cluster.shutdown()
