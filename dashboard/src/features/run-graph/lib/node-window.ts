/**
 * The part of a large graph React Flow is given: the nodes in a region around the view
 * (three panes wide and high), the far ends of their edges, and edges passing through it.
 * React Flow walks all its nodes and edges on every pan frame and indexes every edge's
 * connection when given them: at 10,000 steps (20,000 nodes, 30,000 edges) that was a
 * third of a second to open the run and milliseconds of every frame (issue 19).
 */
import type { Box, Scene } from "@/features/run-graph/lib/graph-scene";

/** Graphs with more nodes than this get only a window of themselves. */
export const WINDOW_MIN_NODES = 1000;

/** React Flow's transform and the pane's size, in screen pixels. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** The graph's part on screen, in flow units. */
export function visibleBox({ x, y, zoom, width, height }: Viewport): Box {
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

/** The region to give React Flow for a view: one more pane on every side. */
export function regionAround(view: Viewport): Box {
  const shown = visibleBox(view);
  return {
    x: shown.x - shown.width,
    y: shown.y - shown.height,
    width: 3 * shown.width,
    height: 3 * shown.height,
  };
}

/** Whether the view still lies within `region`, at least half a pane from its edges. */
export function isWellInside(region: Box, view: Viewport): boolean {
  const shown = visibleBox(view);
  const [marginX, marginY] = [shown.width / 2, shown.height / 2];
  return (
    shown.x >= region.x + marginX &&
    shown.y >= region.y + marginY &&
    shown.x + shown.width <= region.x + region.width - marginX &&
    shown.y + shown.height <= region.y + region.height - marginY
  );
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height
  );
}

/** The ids of the nodes to give React Flow for `region`: every node in it, and both
 * ends of every edge that touches or may cross it, so no edge on screen is lost. */
export function nodesInRegion(scene: Scene, region: Box): Set<string> {
  const ids = new Set<string>();
  for (const item of scene.nodes) if (overlaps(item.box, region)) ids.add(item.node.id);
  for (const [source, target] of scene.edges) {
    const from = scene.nodes[source];
    const to = scene.nodes[target];
    if (!from || !to) continue;
    const left = Math.min(from.box.x, to.box.x);
    const top = Math.min(from.box.y, to.box.y);
    const span = {
      x: left,
      y: top,
      width: Math.max(from.box.x + from.box.width, to.box.x + to.box.width) - left,
      height: Math.max(from.box.y + from.box.height, to.box.y + to.box.height) - top,
    };
    if (!overlaps(span, region)) continue;
    ids.add(from.node.id);
    ids.add(to.node.id);
  }
  return ids;
}
