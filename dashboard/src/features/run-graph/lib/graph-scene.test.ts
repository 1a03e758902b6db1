import { describe, expect, it } from "vitest";
import { buildRunGraph } from "@/features/run-graph/lib/build-graph";
import { buildScene, nodeAt } from "@/features/run-graph/lib/graph-scene";
import { SMALL_DAG } from "@/test/run-dag-fixture";

const graph = buildRunGraph({ ...SMALL_DAG, pending_steps: [] });
const positions = {
  "step:load": { x: 0, y: 0 },
  "artifact:data": { x: 200, y: 10 },
  "step:train": { x: 400, y: 0 },
  "artifact:model": { x: 600, y: 100 },
};

describe("buildScene", () => {
  it("keeps every placed node, its edges and the box around them all", () => {
    const scene = buildScene(graph, positions);

    expect(scene.nodes).toHaveLength(4);
    expect(scene.edges).toHaveLength(3);
    expect(scene.bounds).toEqual({ x: 0, y: 0, width: 704, height: 144 });
  });

  it("leaves out nodes the layout did not place, and their edges", () => {
    const { "artifact:model": _, ...partial } = positions;

    const scene = buildScene(graph, partial);

    expect(scene.nodes.map((n) => n.node.id)).not.toContain("artifact:model");
    expect(scene.edges).toHaveLength(2);
  });
});

describe("nodeAt", () => {
  it("finds the node whose shape is under a point, and nothing between shapes", () => {
    const scene = buildScene(graph, positions);

    expect(nodeAt(scene, 60, 18)?.node.id).toBe("step:load");
    expect(nodeAt(scene, 252, 20)?.node.id).toBe("artifact:data");
    expect(nodeAt(scene, 150, 18)).toBeNull();
  });
});
