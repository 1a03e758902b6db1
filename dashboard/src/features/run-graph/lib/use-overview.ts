/** Whether a large graph is zoomed out far enough to be drawn on a canvas. */
import { useStore } from "@xyflow/react";

/** Graphs with more nodes than this are drawn on a canvas when zoomed out. */
export const OVERVIEW_MIN_NODES = 400;
/** Below this zoom step names are hidden anyway (step-node.tsx), and a 2,000-step run
 * would mount hundreds to thousands of DOM nodes (about 0.5 ms each): shapes on one
 * canvas show the same at a fraction of the cost. */
export const OVERVIEW_MAX_ZOOM = 0.45;

export function isOverview(nodeCount: number, zoom: number): boolean {
  return nodeCount > OVERVIEW_MIN_NODES && zoom < OVERVIEW_MAX_ZOOM;
}

export function useOverview(nodeCount: number): boolean {
  return useStore((state) => isOverview(nodeCount, state.transform[2]));
}
