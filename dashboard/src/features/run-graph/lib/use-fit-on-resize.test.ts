import { describe, expect, it } from "vitest";
import { FIT_ALL_MAX_NODES, startViewport } from "@/features/run-graph/lib/use-fit-on-resize";

describe("startViewport", () => {
  it("leaves a small graph to fit whole", () => {
    expect(startViewport({ a: { x: 0, y: 0 } }, 800)).toBeNull();
  });

  it("opens a large graph on its leftmost node, centred vertically", () => {
    const positions = Object.fromEntries(
      Array.from({ length: FIT_ALL_MAX_NODES + 10 }, (_, i) => [`n${i}`, { x: 100 + i, y: 50 }]),
    );

    const viewport = startViewport(positions, 800);

    expect(viewport).toEqual({ x: 60 - 100 * 0.8, y: 400 - 50 * 0.8, zoom: 0.8 });
  });
});
