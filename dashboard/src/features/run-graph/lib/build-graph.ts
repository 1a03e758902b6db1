/** Turn a run's DAG response (plus its planned steps) into the nodes and edges we draw. */
import type { DagArtifact, DagStep, ExecutionStatus, RunDag } from "@/api/types";
import { latestAttempts } from "@/lib/latest-attempts";

// Types, not interfaces: React Flow needs node data to be a plain record type.
export type StepNodeData = {
  kind: "step";
  name: string;
  status: ExecutionStatus;
  /** Null for a step that has not started yet (drawn faded). */
  stepRunId: string | null;
  isWaiting: boolean;
};

export type ArtifactNodeData = {
  kind: "artifact";
  name: string;
  artifactVersionId: string;
  dataType: string;
  status: ExecutionStatus;
};

export type GraphNodeData = StepNodeData | ArtifactNodeData;

export interface GraphNode {
  id: string;
  data: GraphNodeData;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
}

export interface RunGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const stepNodeId = (stepRunId: string) => `step:${stepRunId}`;
export const artifactNodeId = (artifactVersionId: string) => `artifact:${artifactVersionId}`;
const plannedStepId = (name: string) => `planned-step:${name}`;

function stepNode(step: DagStep): GraphNode {
  return {
    id: stepNodeId(step.id),
    data: {
      kind: "step",
      name: step.name,
      status: step.status,
      stepRunId: step.id,
      isWaiting: false,
    },
  };
}

function artifactNode(artifact: DagArtifact, status: ExecutionStatus): GraphNode {
  return {
    id: artifactNodeId(artifact.id),
    data: {
      kind: "artifact",
      name: artifact.artifact_name,
      artifactVersionId: artifact.id,
      dataType: artifact.data_type,
      status,
    },
  };
}

/** Nodes and edges of what already ran (or is running). */
function buildRecorded(dag: RunDag): RunGraph {
  const statusOfStep = new Map(dag.steps.map((s) => [s.id, s.status]));
  const producerStatus = new Map<string, ExecutionStatus>();
  for (const edge of dag.edges) {
    const status = statusOfStep.get(edge.step_run_id);
    if (edge.kind === "output" && status) producerStatus.set(edge.artifact_version_id, status);
  }
  const nodes = dag.steps.map(stepNode);
  for (const artifact of dag.artifacts) {
    // An input made by an earlier run counts as done: draw it like a completed artifact.
    nodes.push(artifactNode(artifact, producerStatus.get(artifact.id) ?? "completed"));
  }
  const edges = dag.edges.map((edge) => {
    const step = stepNodeId(edge.step_run_id);
    const artifact = artifactNodeId(edge.artifact_version_id);
    const [source, target] = edge.kind === "output" ? [step, artifact] : [artifact, step];
    return { id: `${source}->${target}`, source, target };
  });
  return { nodes, edges };
}

/** Add the steps that have not started, faded, wired to the steps they wait for. */
function addWaiting(graph: RunGraph, dag: RunDag): void {
  const stepIdByName = new Map(dag.steps.map((s) => [s.name, s.id]));
  const pendingNames = new Set(dag.pending_steps.map((s) => s.name));
  for (const step of dag.pending_steps) {
    if (stepIdByName.has(step.name)) continue;
    const id = plannedStepId(step.name);
    graph.nodes.push({
      id,
      data: {
        kind: "step",
        name: step.name,
        status: "initializing",
        stepRunId: null,
        isWaiting: true,
      },
    });
    for (const upstream of step.upstream) {
      const recorded = stepIdByName.get(upstream);
      const source = recorded
        ? stepNodeId(recorded)
        : pendingNames.has(upstream)
          ? plannedStepId(upstream)
          : null;
      if (source) graph.edges.push({ id: `${source}->${id}`, source, target: id });
    }
  }
}

/** The graph of a run: recorded steps and artifacts, plus planned steps not yet started.
 * A retried step is one node, its latest attempt. */
export function buildRunGraph(run: RunDag): RunGraph {
  const dag = latestAttempts(run);
  const graph = buildRecorded(dag);
  addWaiting(graph, dag);
  const ids = new Set(graph.nodes.map((n) => n.id));
  const seen = new Set<string>();
  // Drop edges to unknown nodes and duplicates (a step reading one artifact twice).
  graph.edges = graph.edges.filter((e) => {
    if (!ids.has(e.source) || !ids.has(e.target) || seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
  return graph;
}
