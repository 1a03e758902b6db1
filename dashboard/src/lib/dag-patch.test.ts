import { describe, expect, it } from "vitest";
import type { DagArtifact, DagEdge, DagStep, RunDag } from "@/api/types";
import { mergeDagPatch } from "@/lib/dag-patch";

const RUN = { id: "r-1", name: "run-1", status: "running" } as RunDag["run"];

function aStep(id: string, status: DagStep["status"] = "running"): DagStep {
  return {
    id,
    name: `step-${id}`,
    status,
    created: "2026-01-01T00:00:00Z",
    started: "2026-01-01T00:00:01Z",
    ended: status === "running" ? null : "2026-01-01T00:00:02Z",
    cache_key: "k",
    original_step_run_id: null,
    cpu_seconds: null,
    peak_memory_bytes: null,
  };
}

function anArtifact(id: string, producer: string): DagArtifact {
  return {
    id,
    artifact_name: `out-${id}`,
    version: 1,
    data_type: "builtins.int",
    size_bytes: 1,
    content_hash: "h",
    producer_step_run_id: producer,
  };
}

function anEdge(kind: DagEdge["kind"], step: string, artifact: string): DagEdge {
  return { kind, step_run_id: step, artifact_version_id: artifact, name: "output" };
}

function aDag(): RunDag {
  return {
    run: RUN,
    steps: [aStep("s-1", "completed"), aStep("s-2")],
    artifacts: [anArtifact("a-1", "s-1")],
    edges: [anEdge("output", "s-1", "a-1"), anEdge("input", "s-2", "a-1")],
    pending_steps: [{ name: "step-s-3", upstream: ["step-s-2"] }],
  };
}

describe("mergeDagPatch", () => {
  it("replaces a changed step in place and adds its new output", () => {
    const finished = {
      run: RUN,
      steps: [aStep("s-2", "completed")],
      artifacts: [anArtifact("a-2", "s-2")],
      edges: [anEdge("input", "s-2", "a-1"), anEdge("output", "s-2", "a-2")],
    };

    const merged = mergeDagPatch(aDag(), finished);

    expect(merged.steps.map((s) => [s.id, s.status])).toEqual([
      ["s-1", "completed"],
      ["s-2", "completed"],
    ]);
    expect(merged.artifacts.map((a) => a.id)).toEqual(["a-1", "a-2"]);
    expect(merged.edges).toHaveLength(3);
    expect(merged.edges.at(-1)).toEqual(anEdge("output", "s-2", "a-2"));
  });

  it("appends a step that started and takes it out of the pending steps", () => {
    const started = { ...aStep("s-3"), name: "step-s-3" };

    const merged = mergeDagPatch(aDag(), { run: RUN, steps: [started], artifacts: [], edges: [] });

    expect(merged.steps.map((s) => s.id)).toEqual(["s-1", "s-2", "s-3"]);
    expect(merged.pending_steps).toEqual([]);
  });

  it("takes the patch's run, which is newer than the one drawn", () => {
    const ended = { ...RUN, status: "completed" } as RunDag["run"];

    const merged = mergeDagPatch(aDag(), { run: ended, steps: [], artifacts: [], edges: [] });

    expect(merged.run.status).toBe("completed");
    expect(merged.steps).toEqual(aDag().steps);
  });

  it("leaves the DAG it was given unchanged", () => {
    const dag = aDag();
    const before = structuredClone(dag);

    mergeDagPatch(dag, { run: RUN, steps: [aStep("s-2", "failed")], artifacts: [], edges: [] });

    expect(dag).toEqual(before);
  });
});
