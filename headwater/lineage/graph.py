"""`LineageGraph`: a run's steps and artifacts as nodes and edges, built without I/O.

Both lineage renderers (the Dash visualizer and the self-contained HTML file) draw this
one model, so what a node means, which status it shows and which edges are dashed is
decided here once. Steps the run has not started yet come from the run's compiled spec
and show as `pending`, so a running run's picture fills in as its steps finish.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from headwater.store.models import ArtifactVersion, ExecutionStatus, PipelineRun, StepRun


class NodeKind(StrEnum):
    """What a node stands for: steps are drawn as circles, artifacts as squares."""

    STEP = "step"
    ARTIFACT = "artifact"


class NodeStatus(StrEnum):
    """A node's colour-giving state: a step run's status, or `pending` before it starts."""

    PENDING = "pending"
    INITIALIZING = "initializing"
    RUNNING = "running"
    COMPLETED = "completed"
    CACHED = "cached"
    FAILED = "failed"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class LineageNode:
    """One step or artifact of the run, with the rows its details panel shows."""

    id: str
    kind: NodeKind
    label: str
    status: NodeStatus
    # (field, value) rows in display order: "status", "duration", "URI", ...
    details: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class LineageEdge:
    """Data flowing from a step to an artifact it made, or from an artifact to a step."""

    source: str
    target: str
    # The output or input name the data flows through.
    label: str
    # Edges out of cached steps are dashed: their data was reused, not made now.
    is_dashed: bool


@dataclass(frozen=True, slots=True)
class RunLineage:
    """Everything the store knows about one run that its lineage picture needs."""

    run: PipelineRun
    step_runs: Sequence[StepRun]
    artifacts: Mapping[uuid.UUID, ArtifactVersion]
    # Producer step run id -> "step_name (run run_name)" for artifacts made by other runs.
    producers: Mapping[uuid.UUID, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LineageGraph:
    """A run's lineage: nodes in a stable order, and the edges between them."""

    run_id: str
    run_name: str
    pipeline_name: str
    run_status: NodeStatus
    nodes: tuple[LineageNode, ...]
    edges: tuple[LineageEdge, ...]

    @property
    def is_finished(self) -> bool:
        """True once the run can no longer change, so nobody needs to poll it."""
        return ExecutionStatus(self.run_status).is_finished

    def node(self, node_id: str) -> LineageNode:
        """The node with this id; KeyError when the graph has none."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)


def step_node_id(step_name: str) -> str:
    """The node id of a step (step names are unique within a run)."""
    return f"step:{step_name}"


def artifact_node_id(artifact_version_id: uuid.UUID) -> str:
    """The node id of a saved artifact version."""
    return f"artifact:{artifact_version_id}"


def planned_artifact_node_id(step_name: str, output_name: str) -> str:
    """The node id of an output a step has not made yet."""
    return f"planned:{step_name}.{output_name}"


def build_lineage_graph(lineage: RunLineage) -> LineageGraph:
    """Turn a run's records into its lineage graph: planned steps from the spec, then
    every step run, its inputs and its outputs."""
    builder = _GraphBuilder(lineage)
    for planned in _planned_steps(lineage.run):
        builder.add_step(planned)
    run = lineage.run
    return LineageGraph(
        run_id=str(run.id),
        run_name=run.name,
        pipeline_name=run.pipeline_name,
        run_status=NodeStatus(run.status.value),
        nodes=tuple(builder.nodes.values()),
        edges=tuple(builder.edges),
    )


@dataclass(frozen=True, slots=True)
class _PlannedStep:
    """A step as the compiled spec describes it (whether or not it has run)."""

    name: str
    # Input name -> (upstream step, upstream output).
    inputs: dict[str, tuple[str, str]]
    outputs: tuple[str, ...]
    type_names: dict[str, str]


def _planned_steps(run: PipelineRun) -> list[_PlannedStep]:
    steps: list[dict[str, Any]] = run.config.get("spec", {}).get("steps", [])
    return [
        _PlannedStep(
            name=step["name"],
            inputs={name: (upstream, output) for name, upstream, output in step["inputs"]},
            outputs=tuple(output[0] for output in step["outputs"]),
            type_names={output[0]: output[3] for output in step["outputs"]},
        )
        for step in steps
    ]


class _GraphBuilder:
    """Accumulates nodes (by id, in insertion order) and edges for one run."""

    def __init__(self, lineage: RunLineage) -> None:
        self.lineage = lineage
        self.step_runs = {s.name: s for s in lineage.step_runs}
        self.nodes: dict[str, LineageNode] = {}
        self.edges: list[LineageEdge] = []

    def add_step(self, planned: _PlannedStep) -> None:
        step_run = self.step_runs.get(planned.name)
        step_id = step_node_id(planned.name)
        for input_name, (upstream, output) in planned.inputs.items():
            source = self._input_node(step_run, input_name, upstream, output)
            self.edges.append(LineageEdge(source, step_id, input_name, is_dashed=False))
        self.nodes[step_id] = _step_node(planned, step_run)
        is_cached = step_run is not None and step_run.status is ExecutionStatus.CACHED
        for output_name in planned.outputs:
            target = self._output_node(planned, step_run, output_name)
            self.edges.append(LineageEdge(step_id, target, output_name, is_dashed=is_cached))

    def _input_node(
        self, step_run: StepRun | None, input_name: str, upstream: str, output: str
    ) -> str:
        consumed = step_run.inputs.get(input_name) if step_run else None
        if consumed is None:
            upstream_run = self.step_runs.get(upstream)
            consumed = upstream_run.outputs.get(output) if upstream_run else None
        if consumed is None:
            return planned_artifact_node_id(upstream, output)
        node_id = artifact_node_id(consumed)
        if node_id not in self.nodes:  # made outside this run's known steps
            self.nodes[node_id] = self._artifact_node(consumed, None, output)
        return node_id

    def _output_node(self, planned: _PlannedStep, step_run: StepRun | None, output: str) -> str:
        made = step_run.outputs.get(output) if step_run else None
        if made is None:
            node_id = planned_artifact_node_id(planned.name, output)
            self.nodes[node_id] = _planned_artifact_node(planned, output)
            return node_id
        node_id = artifact_node_id(made)
        self.nodes[node_id] = self._artifact_node(made, step_run, output)
        return node_id

    def _artifact_node(
        self, version_id: uuid.UUID, step_run: StepRun | None, output: str
    ) -> LineageNode:
        version = self.lineage.artifacts.get(version_id)
        is_cached = step_run is not None and step_run.status is ExecutionStatus.CACHED
        producer = self._producer(version, step_run)
        details: list[tuple[str, str]] = [
            ("artifact", version.artifact_name if version else output)
        ]
        if version is not None:
            details += [("version", str(version.version)), ("type", version.data_type)]
        details += [("producer", producer), ("cached", "yes" if is_cached else "no")]
        if version is not None:
            details += [("size", _size(version.size_bytes)), ("URI", version.uri)]
        status = NodeStatus.CACHED if is_cached else NodeStatus.COMPLETED
        # The output name is the short label; the artifact's full name is in the details.
        return LineageNode(
            artifact_node_id(version_id), NodeKind.ARTIFACT, output, status, tuple(details)
        )

    def _producer(self, version: ArtifactVersion | None, step_run: StepRun | None) -> str:
        producer_id = version.producer_step_run_id if version else None
        if producer_id is not None and producer_id in self.lineage.producers:
            return self.lineage.producers[producer_id]
        if step_run is not None:
            return step_run.name
        return "unknown"


def _step_node(planned: _PlannedStep, step_run: StepRun | None) -> LineageNode:
    step_id = step_node_id(planned.name)
    if step_run is None:
        details = (
            ("step", planned.name),
            ("status", NodeStatus.PENDING.value),
            ("inputs", _names(planned.inputs)),
            ("outputs", _names(planned.outputs)),
        )
        return LineageNode(step_id, NodeKind.STEP, planned.name, NodeStatus.PENDING, details)
    rows: list[tuple[str, str]] = [
        ("step", planned.name),
        ("status", step_run.status.value),
        ("duration", _duration(step_run.duration_seconds)),
        ("parameters", _parameters(step_run.parameters)),
        ("inputs", _names(step_run.inputs or planned.inputs)),
        ("outputs", _names(step_run.outputs or planned.outputs)),
    ]
    if step_run.original_step_run_id is not None:
        rows.append(("reused step run", str(step_run.original_step_run_id)))
    if step_run.exception:
        rows.append(("error", step_run.exception.strip().splitlines()[-1]))
    status = NodeStatus(step_run.status.value)
    return LineageNode(step_id, NodeKind.STEP, planned.name, status, tuple(rows))


def _planned_artifact_node(planned: _PlannedStep, output: str) -> LineageNode:
    details = (
        ("artifact", f"{planned.name}.{output}"),
        ("type", planned.type_names.get(output, "unknown")),
        ("producer", planned.name),
        ("cached", "no"),
        ("URI", "not written yet"),
    )
    node_id = planned_artifact_node_id(planned.name, output)
    return LineageNode(node_id, NodeKind.ARTIFACT, output, NodeStatus.PENDING, details)


def _names(names: Mapping[str, Any] | Sequence[str]) -> str:
    return ", ".join(names) or "none"


def _parameters(parameters: Mapping[str, Any]) -> str:
    if not parameters:
        return "none"
    return ", ".join(f"{key}={value!r}" for key, value in parameters.items())


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 60:
        return f"{seconds:.2f} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest} s"


def _size(size_bytes: int) -> str:
    size = float(size_bytes)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size_bytes} B"
