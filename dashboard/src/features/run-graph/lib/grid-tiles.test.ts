import { describe, expect, it } from "vitest";
import { GRID_GAP, GRID_MIN_SCREEN_GAP, gridTiles } from "@/features/run-graph/lib/grid-tiles";

describe("gridTiles", () => {
  it("moves the layer by less than one tile, whichever way the graph was panned", () => {
    expect(gridTiles([50, -50, 1])).toEqual({
      tile: GRID_GAP,
      offsetX: 50 - 3 * GRID_GAP,
      offsetY: -50 + 2 * GRID_GAP,
      isVisible: true,
    });
  });

  it("keeps the dots under the same graph point after a pan of one tile", () => {
    const before = gridTiles([10, 0, 0.5]);

    const after = gridTiles([10 + GRID_GAP * 0.5, 0, 0.5]);

    expect(after.offsetX).toBeCloseTo(before.offsetX);
  });

  it("hides the grid when the dots would be closer than a few pixels", () => {
    expect(gridTiles([0, 0, (GRID_MIN_SCREEN_GAP - 1) / GRID_GAP]).isVisible).toBe(false);
  });
});
