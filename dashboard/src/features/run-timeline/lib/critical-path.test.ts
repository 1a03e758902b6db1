import { describe, expect, it } from "vitest";
import type { DagEdge } from "@/api/types";
import { criticalPath, upstreamSteps } from "@/features/run-timeline/lib/critical-path";

function flow(producer: string, consumer: string, artifact: string): DagEdge[] {
  return [
    { kind: "output", step_run_id: producer, artifact_version_id: artifact, name: "output" },
    { kind: "input", step_run_id: consumer, artifact_version_id: artifact, name: artifact },
  ];
}

describe("criticalPath", () => {
  it("follows the slower branch of a diamond", () => {
    // load -> (fast, slow) -> merge: the run waited for 'slow'.
    const edges = [
      ...flow("load", "fast", "a"),
      ...flow("load", "slow", "b"),
      ...flow("fast", "merge", "c"),
      ...flow("slow", "merge", "d"),
    ];
    const steps = [
      { id: "load", startMs: 0, endMs: 10 },
      { id: "fast", startMs: 10, endMs: 20 },
      { id: "slow", startMs: 10, endMs: 90 },
      { id: "merge", startMs: 90, endMs: 100 },
    ];

    expect(criticalPath(steps, upstreamSteps(edges))).toEqual(["load", "slow", "merge"]);
  });

  it("is empty when no step has finished", () => {
    expect(criticalPath([{ id: "a", startMs: 0, endMs: null }], new Map())).toEqual([]);
  });

  it("ignores inputs made by another run", () => {
    const edges: DagEdge[] = [
      { kind: "input", step_run_id: "train", artifact_version_id: "old", name: "data" },
    ];

    expect(upstreamSteps(edges).size).toBe(0);
  });
});
