"""A step's resources as Ray task options, and what no node of a cluster can give."""

from __future__ import annotations

from headwater import RaySettings
from headwater.integrations.ray.resources import (
    describe_missing,
    missing_resources,
    requested_resources,
    task_options,
)


def test_step_resources_become_task_options_with_rays_retries_off():
    settings = RaySettings(num_cpus=2, num_gpus=1, memory="1GB", resources={"TPU": 1})

    assert task_options(settings) == {
        "max_retries": 0,
        "retry_exceptions": False,
        "num_cpus": 2,
        "num_gpus": 1,
        "memory": 10**9,
        "resources": {"TPU": 1},
    }


def test_a_step_without_settings_asks_for_one_cpu_as_ray_does():
    assert requested_resources(RaySettings()) == {"CPU": 1.0}


def test_nothing_is_missing_when_one_node_has_everything():
    nodes = [{"CPU": 1.0}, {"CPU": 4.0, "GPU": 1.0}]

    assert missing_resources({"CPU": 2.0, "GPU": 1.0}, nodes) == {}


def test_what_no_node_has_is_named_with_the_largest_amount_a_node_has():
    nodes = [{"CPU": 2.0}, {"CPU": 1.0}]

    missing = missing_resources({"CPU": 1.0, "GPU": 2.0}, nodes)

    assert missing == {"GPU": (2.0, 0.0)}
    assert "asks for 2 GPU (the largest node has 0 GPU)" in describe_missing("train", missing)


def test_resources_split_across_nodes_are_all_named():
    nodes = [{"CPU": 4.0}, {"GPU": 1.0, "CPU": 1.0}]

    assert missing_resources({"CPU": 2.0, "GPU": 1.0}, nodes) == {
        "CPU": (2.0, 4.0),
        "GPU": (1.0, 1.0),
    }
