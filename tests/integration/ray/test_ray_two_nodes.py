"""The Ray orchestrator on two Ray nodes on this machine (Ray's test cluster)."""

from __future__ import annotations

import pytest

from headwater import Client
from headwater.errors import StepExecutionError
from headwater.session import close_sessions
from headwater.store.models import ExecutionStatus
from tests.integration.ray.helpers import latest_run, run_on_ray, step_runs
from tests.integration.ray.pipelines import needs_special, rendezvous, wide_step


def test_a_step_runs_on_the_node_that_has_the_resource_it_asks_for(two_nodes):
    run = run_on_ray(needs_special)

    step = Client().get_pipeline_run(run.id).steps["special"]
    assert step.output.load() == two_nodes["special"]
    assert step.metadata["ray_node_id"] == two_nodes["special"]


def test_independent_steps_run_at_the_same_time_on_both_nodes(two_nodes, tmp_path):
    run = run_on_ray(rendezvous, str(tmp_path), width=2)

    meets = [s for s in step_runs(run.id) if s.name.startswith("meet")]
    # One CPU per node: the two steps met only because each ran on its own node.
    assert {s.metadata["ray_node_id"].value for s in meets} == set(two_nodes.values())


def test_a_step_larger_than_every_node_fails_though_the_cluster_has_enough(two_nodes):
    with pytest.raises(StepExecutionError, match="wide") as caught:
        run_on_ray(wide_step)

    assert "asks for 2 CPU (the largest node has 1 CPU)" in caught.value.traceback_text
    assert latest_run().status is ExecutionStatus.FAILED


def teardown_module() -> None:
    close_sessions()
