"""The lineage graph model: nodes, statuses and dashed edges for runs in every state."""

from __future__ import annotations

import uuid

from headwater.lineage.graph import NodeKind, NodeStatus, RunLineage, build_lineage_graph
from headwater.store.models import ExecutionStatus
from tests.unit.lineage.records import finished_lineage, make_artifact, make_run, make_step_run


def _statuses(lineage: RunLineage) -> list[tuple[str, str, str]]:
    graph = build_lineage_graph(lineage)
    return [(node.kind.value, node.label, node.status.value) for node in graph.nodes]


def test_completed_run_has_steps_and_artifacts_in_execution_order():
    lineage = finished_lineage(ExecutionStatus.COMPLETED)

    assert _statuses(lineage) == [
        ("step", "load", "completed"),
        ("artifact", "X", "completed"),
        ("step", "train", "completed"),
        ("artifact", "output", "completed"),
    ]


def test_edges_follow_the_data_from_step_to_artifact_to_step():
    graph = build_lineage_graph(finished_lineage(ExecutionStatus.COMPLETED))

    pairs = [(graph.node(e.source).label, graph.node(e.target).label) for e in graph.edges]

    assert pairs == [("load", "X"), ("X", "train"), ("train", "output")]
    assert [e.label for e in graph.edges] == ["X", "X", "output"]


def test_cached_step_and_its_outputs_are_cached_and_edges_out_of_it_are_dashed():
    graph = build_lineage_graph(finished_lineage(ExecutionStatus.CACHED))

    statuses = {node.label: node.status for node in graph.nodes}
    dashed = [(graph.node(e.source).label, e.is_dashed) for e in graph.edges]

    assert statuses == {
        "load": NodeStatus.CACHED,
        "X": NodeStatus.CACHED,
        "train": NodeStatus.COMPLETED,
        "output": NodeStatus.COMPLETED,
    }
    assert dashed == [("load", True), ("X", False), ("train", False)]


def test_cached_artifact_details_name_the_earlier_run_that_made_it():
    graph = build_lineage_graph(finished_lineage(ExecutionStatus.CACHED))

    artifact = next(n for n in graph.nodes if n.label == "X")

    assert dict(artifact.details) == {
        "artifact": "load.X",
        "version": "1",
        "type": "numpy.ndarray",
        "producer": "load (run training-6)",
        "cached": "yes",
        "size": "2.0 KiB",
        "URI": "/artifacts/load.X",
    }


def test_step_details_show_status_duration_parameters_inputs_and_outputs():
    graph = build_lineage_graph(finished_lineage(ExecutionStatus.COMPLETED))

    train = graph.node("step:train")

    assert dict(train.details) == {
        "step": "train",
        "status": "completed",
        "duration": "1.50 s",
        "parameters": "gamma=0.001",
        "inputs": "X",
        "outputs": "output",
    }


def test_failed_run_shows_the_failed_step_red_and_what_never_ran_as_pending():
    run = make_run(ExecutionStatus.FAILED)
    x_id = uuid.uuid4()
    load = make_step_run(run, "load", ExecutionStatus.COMPLETED, outputs={"X": x_id})
    train = make_step_run(
        run, "train", ExecutionStatus.FAILED, inputs={"X": x_id}, exception="Trace\nValueError: bad"
    )
    lineage = RunLineage(run, [load, train], {x_id: make_artifact("load.X", load.id)})

    graph = build_lineage_graph(lineage)

    assert _statuses(lineage) == [
        ("step", "load", "completed"),
        ("artifact", "X", "completed"),
        ("step", "train", "failed"),
        ("artifact", "output", "pending"),
    ]
    assert graph.run_status is NodeStatus.FAILED
    assert dict(graph.node("step:train").details)["error"] == "ValueError: bad"


def test_running_run_shows_the_running_step_yellow_and_is_not_finished():
    run = make_run(ExecutionStatus.RUNNING)
    x_id = uuid.uuid4()
    load = make_step_run(run, "load", ExecutionStatus.COMPLETED, outputs={"X": x_id})
    train = make_step_run(run, "train", ExecutionStatus.RUNNING, inputs={"X": x_id})
    lineage = RunLineage(run, [load, train], {x_id: make_artifact("load.X", load.id)})

    graph = build_lineage_graph(lineage)

    assert [n.status.value for n in graph.nodes] == ["completed", "completed", "running", "pending"]
    assert graph.is_finished is False


def test_run_that_has_not_started_a_step_draws_the_whole_plan_as_pending():
    lineage = RunLineage(make_run(ExecutionStatus.RUNNING), [], {})

    graph = build_lineage_graph(lineage)

    assert [(n.kind, n.status) for n in graph.nodes] == [
        (NodeKind.STEP, NodeStatus.PENDING),
        (NodeKind.ARTIFACT, NodeStatus.PENDING),
        (NodeKind.STEP, NodeStatus.PENDING),
        (NodeKind.ARTIFACT, NodeStatus.PENDING),
    ]
    assert len(graph.edges) == 3
