/** Choose and run a layout: ELK's layered algorithm for most runs, our fast one for huge ones. */
import type { ELK, ElkNode } from "elkjs/lib/elk-api";
import {
  type LayoutEdge,
  type LayoutNode,
  layeredLayout,
  type Positions,
} from "@/features/run-graph/lib/layered-layout";

/** Above this many nodes ELK takes seconds (400 nodes: 2.6 s in headless Chromium on a
 * busy 2-core machine, `make bench-dashboard`): use the linear-time layered layout. */
export const ELK_MAX_NODES = 200;

export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface LayoutResult {
  positions: Positions;
  algorithm: "elk" | "layered";
  milliseconds: number;
}

const ELK_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.spacing.nodeNode": "24",
  "elk.layered.spacing.nodeNodeBetweenLayers": "48",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
};

async function elkLayout(elk: ELK, request: LayoutRequest): Promise<Positions> {
  const graph: ElkNode = {
    id: "root",
    layoutOptions: ELK_OPTIONS,
    children: request.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: request.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  };
  const laidOut = await elk.layout(graph);
  const positions: Positions = {};
  for (const child of laidOut.children ?? []) {
    positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  }
  return positions;
}

/** Lay out a graph; `elk` is only used (and only needs to exist) for small enough graphs. */
export async function layoutGraph(
  request: LayoutRequest,
  loadElk: () => Promise<ELK>,
): Promise<LayoutResult> {
  const start = performance.now();
  if (request.nodes.length > ELK_MAX_NODES) {
    const positions = layeredLayout(request.nodes, request.edges);
    return { positions, algorithm: "layered", milliseconds: performance.now() - start };
  }
  const positions = await elkLayout(await loadElk(), request);
  return { positions, algorithm: "elk", milliseconds: performance.now() - start };
}
