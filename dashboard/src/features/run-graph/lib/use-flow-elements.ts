/** The nodes and edges React Flow draws, built once per layout; selecting copies one node. */
import type { Edge, Node } from "@xyflow/react";
import { useMemo } from "react";
import type { GraphNodeData, RunGraph } from "@/features/run-graph/lib/build-graph";
import type { Positions } from "@/features/run-graph/lib/layered-layout";
import { nodeHandles, nodeSize } from "@/features/run-graph/lib/node-size";
import { STATUS_STYLES } from "@/lib/status";

/** Above this many nodes edges are straight lines: cheaper to draw, and as readable. */
export const STRAIGHT_EDGES_MIN_NODES = 400;

export type FlowNode = Node<GraphNodeData>;

function nodeLabel(data: GraphNodeData): string {
  if (data.kind === "artifact") return `Artifact ${data.name}`;
  return `Step ${data.name}: ${data.isWaiting ? "Waiting" : STATUS_STYLES[data.status].label}`;
}

/** Every node placed, sized, measured and with its handles, none selected. Our nodes
 * have fixed sizes, so React Flow is told them: it then neither mounts every node to
 * measure it, nor forgets a re-created (selected) node's size, which fitting needs. */
export function flowNodes(graph: RunGraph, positions: Positions): FlowNode[] {
  return graph.nodes.map((node) => {
    const size = nodeSize(node.data.kind);
    return {
      id: node.id,
      type: node.data.kind,
      data: node.data,
      position: positions[node.id] ?? { x: 0, y: 0 },
      handles: nodeHandles(node.data.kind),
      ariaRole: "button",
      ariaLabel: nodeLabel(node.data),
      ...size,
      measured: size,
    };
  });
}

/** `nodes` with `selectedId` selected: only that node is a new object, so React Flow
 * re-renders one node instead of re-adopting thousands. */
export function withSelection(nodes: FlowNode[], selectedId: string | null): FlowNode[] {
  if (selectedId === null) return nodes;
  return nodes.map((node) => (node.id === selectedId ? { ...node, selected: true } : node));
}

export function flowEdges(graph: RunGraph): Edge[] {
  const names = new Map(graph.nodes.map((n) => [n.id, n.data.name]));
  const type = graph.nodes.length > STRAIGHT_EDGES_MIN_NODES ? "straight" : "default";
  return graph.edges.map((edge) => ({
    ...edge,
    type,
    focusable: false,
    // No invisible wide path per edge for hovering: edges are not interactive.
    interactionWidth: 0,
    ariaLabel: `${names.get(edge.source) ?? ""} to ${names.get(edge.target) ?? ""}`,
  }));
}

/** The drawn nodes and edges of `graph` once it is laid out (empty until then). */
export function useFlowElements(
  graph: RunGraph,
  positions: Positions | null,
  selectedId: string | null,
): { nodes: FlowNode[]; edges: Edge[] } {
  const placed = useMemo(() => (positions ? flowNodes(graph, positions) : []), [graph, positions]);
  const nodes = useMemo(() => withSelection(placed, selectedId), [placed, selectedId]);
  const edges = useMemo(() => flowEdges(graph), [graph]);
  return { nodes, edges };
}
