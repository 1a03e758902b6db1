/**
 * A laid-out graph as plain boxes, for drawing on a canvas: the whole graph zoomed out
 * and the minimap, where thousands of DOM nodes would cost seconds to mount.
 */
import type { ExecutionStatus } from "@/api/types";
import type { GraphNode, RunGraph } from "@/features/run-graph/lib/build-graph";
import type { Positions } from "@/features/run-graph/lib/layered-layout";
import { ARTIFACT_SIDE, nodeSize, STEP_DIAMETER } from "@/features/run-graph/lib/node-size";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SceneNode {
  node: GraphNode;
  /** The node's layout box (its shape sits at the top centre, the label under it). */
  box: Box;
  /** The shape alone: a step's circle or an artifact's square. */
  shape: Box;
  status: ExecutionStatus;
  isStep: boolean;
}

export interface Scene {
  nodes: SceneNode[];
  /** Edges as pairs of indices into `nodes`. */
  edges: Array<[number, number]>;
  /** The box around every node (zero-sized for an empty graph). */
  bounds: Box;
}

function shapeOf(box: Box, isStep: boolean): Box {
  const side = isStep ? STEP_DIAMETER : ARTIFACT_SIDE;
  return { x: box.x + (box.width - side) / 2, y: box.y, width: side, height: side };
}

function boundsOf(boxes: Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The scene of a laid-out graph; nodes the layout did not place are left out. */
export function buildScene(graph: RunGraph, positions: Positions): Scene {
  const nodes: SceneNode[] = [];
  const indexOf = new Map<string, number>();
  for (const node of graph.nodes) {
    const position = positions[node.id];
    if (!position) continue;
    const isStep = node.data.kind === "step";
    const box = { ...position, ...nodeSize(node.data.kind) };
    indexOf.set(node.id, nodes.length);
    nodes.push({ node, box, shape: shapeOf(box, isStep), status: node.data.status, isStep });
  }
  const edges: Array<[number, number]> = [];
  for (const edge of graph.edges) {
    const source = indexOf.get(edge.source);
    const target = indexOf.get(edge.target);
    if (source !== undefined && target !== undefined) edges.push([source, target]);
  }
  return { nodes, edges, bounds: boundsOf(nodes.map((n) => n.box)) };
}

/** The node whose shape (grown by `slack` on each side) contains the point, if any. */
export function nodeAt(scene: Scene, x: number, y: number, slack = 0): SceneNode | null {
  for (const item of scene.nodes) {
    const { shape } = item;
    if (
      x >= shape.x - slack &&
      x <= shape.x + shape.width + slack &&
      y >= shape.y - slack &&
      y <= shape.y + shape.height + slack
    )
      return item;
  }
  return null;
}
