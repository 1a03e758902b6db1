import { describe, expect, it } from "vitest";
import { assignLayers, layeredLayout, MAX_ROWS } from "@/features/run-graph/lib/layered-layout";

const node = (id: string) => ({ id, width: 40, height: 40 });

describe("assignLayers", () => {
  it("puts each node one layer after its deepest predecessor", () => {
    const nodes = ["a", "b", "c", "d"].map(node);
    const edges = [
      { source: "a", target: "b" },
      { source: "b", target: "c" },
      { source: "a", target: "c" },
      { source: "c", target: "d" },
    ];

    const layers = assignLayers(nodes, edges);

    expect([...layers.entries()]).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
      ["d", 3],
    ]);
  });
});

describe("layeredLayout", () => {
  it("flows left to right and never stacks two nodes on one spot", () => {
    const nodes = ["a", "b", "c", "d"].map(node);
    const edges = [
      { source: "a", target: "b" },
      { source: "a", target: "c" },
      { source: "b", target: "d" },
      { source: "c", target: "d" },
    ];

    const positions = layeredLayout(nodes, edges);

    expect(positions.a?.x).toBeLessThan(positions.b?.x ?? 0);
    expect(positions.b?.x).toBe(positions.c?.x);
    expect(positions.b?.y).not.toBe(positions.c?.y);
    expect(positions.d?.x).toBeGreaterThan(positions.b?.x ?? 0);
  });

  it("wraps a wide fan-out into columns of at most MAX_ROWS nodes", () => {
    const nodes = Array.from({ length: MAX_ROWS * 2 + 1 }, (_, i) => node(`n${i}`));
    const edges = nodes.slice(1).map((n) => ({ source: "n0", target: n.id }));

    const positions = layeredLayout(nodes, edges);

    const columns = new Set(nodes.slice(1).map((n) => positions[n.id]?.x));
    expect(columns.size).toBe(2);
  });

  it("lays out every node of a 4,000-node graph", () => {
    const nodes = Array.from({ length: 4000 }, (_, i) => node(`n${i}`));
    const edges = nodes.slice(20).map((n, i) => ({ source: `n${i}`, target: n.id }));

    const positions = layeredLayout(nodes, edges);

    expect(Object.keys(positions)).toHaveLength(4000);
  });
});
