/**
 * The part of a zoomed-out graph its canvas holds: the pane plus a margin on every side.
 * Panning within the margin only moves the canvas (a compositor translation); the scene
 * is drawn again only when the view leaves it or the zoom changes (issue 19: a fitted
 * 10,000-step run has 20,000 shapes, too many to draw on every frame of a drag).
 */

/** The margin on each side, as a share of the pane's width and height. */
export const WINDOW_MARGIN = 0.25;

export interface CanvasWindow {
  /** React Flow's transform when the window was drawn. */
  x: number;
  y: number;
  zoom: number;
  /** The pane's size when the window was drawn, in CSS pixels. */
  paneWidth: number;
  paneHeight: number;
  marginX: number;
  marginY: number;
}

/** `drawn` itself while the view stays within its margins, else a new window for it. */
export function windowFor(
  drawn: CanvasWindow | null,
  transform: readonly [number, number, number],
  paneWidth: number,
  paneHeight: number,
): CanvasWindow {
  const [x, y, zoom] = transform;
  if (
    drawn &&
    drawn.zoom === zoom &&
    drawn.paneWidth === paneWidth &&
    drawn.paneHeight === paneHeight &&
    Math.abs(x - drawn.x) <= drawn.marginX &&
    Math.abs(y - drawn.y) <= drawn.marginY
  )
    return drawn;
  const marginX = Math.round(paneWidth * WINDOW_MARGIN);
  const marginY = Math.round(paneHeight * WINDOW_MARGIN);
  return { x, y, zoom, paneWidth, paneHeight, marginX, marginY };
}

/** Where the window's canvas sits in the pane for `transform` (its top-left corner). */
export function windowOffset(
  area: CanvasWindow,
  transform: readonly [number, number, number],
): { x: number; y: number } {
  return { x: transform[0] - area.x - area.marginX, y: transform[1] - area.y - area.marginY };
}
