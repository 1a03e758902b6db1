import { describe, expect, it } from "vitest";
import { buildRunGraph } from "@/features/run-graph/lib/build-graph";
import { SMALL_DAG } from "@/test/run-dag-fixture";

describe("buildRunGraph", () => {
  it("draws a node per step and per artifact with data-flow edges", () => {
    const graph = buildRunGraph({ ...SMALL_DAG, pending_steps: [] });

    expect(graph.nodes.map((n) => n.id)).toEqual([
      "step:load",
      "step:train",
      "artifact:data",
      "artifact:model",
    ]);
    expect(graph.edges.map((e) => `${e.source} ${e.target}`)).toEqual([
      "step:load artifact:data",
      "artifact:data step:train",
      "step:train artifact:model",
    ]);
  });

  it("colours an artifact by the status of the step that made it", () => {
    const graph = buildRunGraph(SMALL_DAG);

    const data = graph.nodes.find((n) => n.id === "artifact:data");
    expect(data?.data.status).toBe("cached");
  });

  it("adds steps that have not started as waiting nodes wired to the steps they wait for", () => {
    const graph = buildRunGraph(SMALL_DAG);

    const evaluate = graph.nodes.find((n) => n.id === "planned-step:evaluate");
    expect(evaluate?.data).toMatchObject({ kind: "step", isWaiting: true, stepRunId: null });
    const edges = graph.edges.map((e) => `${e.source} ${e.target}`);
    expect(edges).toContain("step:train planned-step:evaluate");
    expect(edges).toContain("planned-step:evaluate planned-step:report");
    expect(edges).toContain("step:load planned-step:report");
  });

  it("drops duplicate edges when a step reads one artifact twice", () => {
    const dag = {
      ...SMALL_DAG,
      pending_steps: [],
      edges: [
        ...SMALL_DAG.edges,
        {
          kind: "input" as const,
          step_run_id: "train",
          artifact_version_id: "data",
          name: "again",
        },
      ],
    };

    expect(buildRunGraph(dag).edges).toHaveLength(3);
  });
});
