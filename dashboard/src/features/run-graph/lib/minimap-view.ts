/** Where the minimap draws a graph: proportional, except for very long or tall runs. */
import type { View } from "@/features/run-graph/lib/draw-scene";
import type { Box } from "@/features/run-graph/lib/graph-scene";

export const MINIMAP_WIDTH = 240;
export const MINIMAP_MIN_HEIGHT = 44;
export const MINIMAP_MAX_HEIGHT = 150;
const PADDING = 6;

/**
 * The minimap's size and scale for a graph's bounds. It is as high as the graph's
 * proportions ask, within limits. A long linear run (thousands of steps in a row) would
 * be a speck at one scale, so below the minimum height its height is stretched to fill
 * the strip: a bar of status colours where a failure stands out.
 */
export function minimapView(bounds: Box): View {
  const wanted = bounds.width > 0 ? (MINIMAP_WIDTH * bounds.height) / bounds.width : 0;
  const height = Math.min(MINIMAP_MAX_HEIGHT, Math.max(MINIMAP_MIN_HEIGHT, wanted));
  const [innerWidth, innerHeight] = [MINIMAP_WIDTH - 2 * PADDING, height - 2 * PADDING];
  let scaleX = innerWidth / Math.max(bounds.width, 1);
  let scaleY = innerHeight / Math.max(bounds.height, 1);
  if (wanted >= MINIMAP_MIN_HEIGHT) {
    scaleX = Math.min(scaleX, scaleY);
    scaleY = scaleX;
  }
  return {
    x: PADDING + (innerWidth - bounds.width * scaleX) / 2 - bounds.x * scaleX,
    y: PADDING + (innerHeight - bounds.height * scaleY) / 2 - bounds.y * scaleY,
    scaleX,
    scaleY,
    width: MINIMAP_WIDTH,
    height,
  };
}

/** The graph's point under a point of the minimap. */
export function flowPointAt(view: View, x: number, y: number): { x: number; y: number } {
  return { x: (x - view.x) / view.scaleX, y: (y - view.y) / view.scaleY };
}

/** The part of the graph the main view shows, as a box on the minimap (at least 4 px). */
export function viewportBox(
  view: View,
  transform: [number, number, number],
  paneWidth: number,
  paneHeight: number,
): Box {
  const [x, y, zoom] = transform;
  const left = view.x + (-x / zoom) * view.scaleX;
  const top = view.y + (-y / zoom) * view.scaleY;
  const width = Math.max(4, (paneWidth / zoom) * view.scaleX);
  const height = Math.max(4, (paneHeight / zoom) * view.scaleY);
  return { x: left, y: top, width, height };
}
