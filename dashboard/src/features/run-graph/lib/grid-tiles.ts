/**
 * The dotted grid behind the graph as one tiled layer the compositor moves: panning only
 * translates it by less than one tile, so no frame repaints it (React Flow's SVG pattern
 * background repainted the whole pane on every frame of a drag, issue 19).
 */

/** Flow units between dots, as React Flow's `<Background gap>` had it. */
export const GRID_GAP = 24;
/** Below this many screen pixels between dots the grid is a haze: it is not drawn. */
export const GRID_MIN_SCREEN_GAP = 6;

export interface GridTiles {
  /** Screen pixels between dots at this zoom. */
  tile: number;
  /** The layer's translation (in [-tile, 0)), so that dots stay put under the graph. */
  offsetX: number;
  offsetY: number;
  isVisible: boolean;
}

/** Where the grid's layer sits for React Flow's `transform` ([x, y, zoom]). */
export function gridTiles(transform: readonly [number, number, number]): GridTiles {
  const [x, y, zoom] = transform;
  const tile = GRID_GAP * zoom;
  const wrap = (value: number) => (((value % tile) + tile) % tile) - tile;
  return {
    tile,
    offsetX: wrap(x),
    offsetY: wrap(y),
    isVisible: tile >= GRID_MIN_SCREEN_GAP,
  };
}
