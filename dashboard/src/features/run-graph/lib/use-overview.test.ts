import { describe, expect, it } from "vitest";
import {
  isOverview,
  OVERVIEW_MAX_ZOOM,
  OVERVIEW_MIN_NODES,
} from "@/features/run-graph/lib/use-overview";

describe("isOverview", () => {
  it("draws a large graph on a canvas only once zoomed out", () => {
    expect(isOverview(OVERVIEW_MIN_NODES + 1, OVERVIEW_MAX_ZOOM / 2)).toBe(true);
    expect(isOverview(OVERVIEW_MIN_NODES + 1, OVERVIEW_MAX_ZOOM)).toBe(false);
  });

  it("always draws a small graph's nodes as DOM nodes", () => {
    expect(isOverview(OVERVIEW_MIN_NODES, 0.02)).toBe(false);
  });
});
