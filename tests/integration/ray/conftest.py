"""Ray for the Ray tests: one cluster per test process, always shut down, and the `ray`
flavor known to every process the tests start.

Starting Ray costs seconds and every fresh worker pays its imports again, so all Ray
tests of a process share one cluster: Ray's test cluster, two nodes on this machine,
one CPU each (two CPUs in all, as a local `num_cpus=2` Ray has). Under pytest-xdist each
worker process starts its own; they never meet: each cluster keeps its files in its own
temporary folder, lets the system choose every port, and the driver joins it by its
address (never through Ray's "latest cluster" file, which every cluster overwrites).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from headwater.stacks.flavor_registry import FLAVORS_VARIABLE

REPO_ROOT = Path(__file__).resolve().parents[3]
RAY_FLAVOR = "headwater.integrations.ray.flavor:RayOrchestratorFlavor"
# Workers import the tests' steps from this checkout, as a user's workers import theirs.
WORKER_ENV = {"env_vars": {"PYTHONPATH": str(REPO_ROOT)}}


@dataclass(frozen=True, slots=True)
class RayCluster:
    """The test process's Ray: the address a driver joins, and its nodes' ids."""

    address: str
    # "head": the head node (one CPU); "special": the other (one CPU, one 'special').
    node_ids: dict[str, str]


@pytest.fixture(autouse=True)
def ray_flavor_known(monkeypatch: pytest.MonkeyPatch) -> None:
    """Name the flavor as the package's entry point does (an installed copy may predate
    it; tests/unit/integrations/test_ray_settings.py checks the entry point itself)."""
    monkeypatch.setenv(FLAVORS_VARIABLE, RAY_FLAVOR)


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[RayCluster]:
    """Two Ray nodes on this machine, joined by this process, for the whole session."""
    import ray
    from ray._private.utils import get_ray_address_file
    from ray.cluster_utils import Cluster

    # Short: Ray's socket paths under it must fit the system's 107-character limit.
    temp_dir = tempfile.mkdtemp(prefix="hw-ray-")
    # `None` ports: the system picks them, so two test processes' clusters never collide.
    head = {
        "num_cpus": 1,
        "include_dashboard": False,
        # Workers' output is read from the store, never forwarded: one process fewer.
        "include_log_monitor": False,
        "dashboard_agent_listen_port": None,
        "temp_dir": temp_dir,
    }
    # Ray's test cluster still records its address in Ray's default folder, which only a
    # Ray started without `temp_dir` makes: on a machine that never ran Ray it is missing.
    Path(get_ray_address_file(None)).parent.mkdir(parents=True, exist_ok=True)
    cluster = Cluster(initialize_head=True, head_node_args=head)
    try:
        cluster.add_node(num_cpus=1, resources={"special": 1})
        cluster.wait_for_nodes()
        ray.init(address=cluster.address, log_to_driver=False, runtime_env=WORKER_ENV)
        nodes = {
            ("special" if "special" in node["Resources"] else "head"): node["NodeID"]
            for node in ray.nodes()
            if node["Alive"]
        }
        yield RayCluster(cluster.address, nodes)
    finally:
        ray.shutdown()
        cluster.shutdown()
        shutil.rmtree(temp_dir, ignore_errors=True)


@pytest.fixture
def local_ray(ray_cluster: RayCluster) -> str:
    """Ray with two CPUs on this machine, joined by this process; its GCS address."""
    return ray_cluster.address


@pytest.fixture
def two_nodes(ray_cluster: RayCluster) -> dict[str, str]:
    """Two Ray nodes on this machine: a head with one CPU and a node with one CPU and a
    custom 'special' resource. Node name -> node id."""
    return ray_cluster.node_ids
