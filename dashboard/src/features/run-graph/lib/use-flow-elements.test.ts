import { describe, expect, it } from "vitest";
import { buildRunGraph } from "@/features/run-graph/lib/build-graph";
import { layeredLayout } from "@/features/run-graph/lib/layered-layout";
import { nodeSize } from "@/features/run-graph/lib/node-size";
import { flowEdges, flowNodes, withSelection } from "@/features/run-graph/lib/use-flow-elements";
import { SMALL_DAG } from "@/test/run-dag-fixture";

const graph = buildRunGraph(SMALL_DAG);
const positions = layeredLayout(
  graph.nodes.map((n) => ({ id: n.id, ...nodeSize(n.data.kind) })),
  graph.edges,
);

describe("flowNodes", () => {
  it("gives every node its size and handles, so React Flow need not mount it to measure", () => {
    const nodes = flowNodes(graph, positions);

    expect(nodes).toHaveLength(graph.nodes.length);
    expect(nodes.every((n) => n.handles?.length === 2)).toBe(true);
    expect(nodes.every((n) => n.measured?.width === n.width && n.measured?.height)).toBe(true);
  });
});

describe("withSelection", () => {
  it("copies only the selected node and keeps every other node as it was", () => {
    const nodes = flowNodes(graph, positions);

    const selected = withSelection(nodes, "step:train");

    const changed = selected.filter((node, index) => node !== nodes[index]);
    expect(changed.map((n) => [n.id, n.selected])).toEqual([["step:train", true]]);
    expect(withSelection(nodes, null)).toBe(nodes);
  });
});

describe("flowEdges", () => {
  it("labels each edge with the names it joins", () => {
    const edges = flowEdges(graph);

    expect(edges.map((e) => e.ariaLabel)).toContain("load to data");
  });
});
