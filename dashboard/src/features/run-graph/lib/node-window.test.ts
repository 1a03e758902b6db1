import { describe, expect, it } from "vitest";
import type { RunGraph } from "@/features/run-graph/lib/build-graph";
import { buildScene } from "@/features/run-graph/lib/graph-scene";
import { isWellInside, nodesInRegion, regionAround } from "@/features/run-graph/lib/node-window";

function step(id: string) {
  return {
    id,
    data: {
      kind: "step" as const,
      name: id,
      status: "completed" as const,
      stepRunId: id,
      isWaiting: false,
    },
  };
}

// a → b in the region; far → farther both far right; start → end crosses the region.
const graph: RunGraph = {
  nodes: ["a", "b", "far", "farther", "start", "end", "alone"].map(step),
  edges: [
    { id: "a->b", source: "a", target: "b" },
    { id: "far->farther", source: "far", target: "farther" },
    { id: "start->end", source: "start", target: "end" },
  ],
};
const scene = buildScene(graph, {
  a: { x: 0, y: 0 },
  b: { x: 200, y: 0 },
  far: { x: 5000, y: 0 },
  farther: { x: 5200, y: 0 },
  start: { x: -4000, y: 100 },
  end: { x: 4000, y: 100 },
  alone: { x: 0, y: 3000 },
});

describe("nodesInRegion", () => {
  it("keeps the nodes in the region and both ends of an edge passing through it", () => {
    const ids = nodesInRegion(scene, { x: -500, y: -500, width: 1000, height: 1000 });

    expect([...ids].sort()).toEqual(["a", "b", "end", "start"]);
  });
});

describe("isWellInside", () => {
  const view = { x: 0, y: 0, zoom: 1, width: 1000, height: 600 };

  it("holds for the region drawn around the view, and a pan of under half a pane", () => {
    const region = regionAround(view);

    expect(isWellInside(region, view)).toBe(true);
    expect(isWellInside(region, { ...view, x: -499 })).toBe(true);
  });

  it("fails once the view is panned or zoomed out past half a pane", () => {
    const region = regionAround(view);

    expect(isWellInside(region, { ...view, x: -501 })).toBe(false);
    expect(isWellInside(region, { ...view, zoom: 0.5 })).toBe(false);
  });
});
