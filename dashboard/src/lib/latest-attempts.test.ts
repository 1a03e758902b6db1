import { describe, expect, it } from "vitest";
import { latestAttempts } from "@/lib/latest-attempts";
import { dagStep, SMALL_DAG } from "@/test/run-dag-fixture";

function attempt(id: string, name: string, created: string, status: "failed" | "completed") {
  return { ...dagStep(id, status, created, created), name, created };
}

describe("latestAttempts", () => {
  it("keeps a retried step's latest attempt and the edges of what it keeps", () => {
    const dag = {
      ...SMALL_DAG,
      steps: [
        attempt("a1", "fit", "2026-01-01T00:00:01Z", "failed"),
        attempt("a2", "fit", "2026-01-01T00:00:02Z", "failed"),
        attempt("a3", "fit", "2026-01-01T00:00:03Z", "completed"),
        attempt("s", "score", "2026-01-01T00:00:04Z", "completed"),
      ],
      edges: [
        { step_run_id: "a1", artifact_version_id: "data", kind: "input" as const, name: "d" },
        { step_run_id: "a3", artifact_version_id: "data", kind: "input" as const, name: "d" },
        { step_run_id: "a3", artifact_version_id: "model", kind: "output" as const, name: "m" },
      ],
    };

    const latest = latestAttempts(dag);

    expect(latest.steps.map((s) => s.id)).toEqual(["a3", "s"]);
    expect(latest.edges.map((e) => e.step_run_id)).toEqual(["a3", "a3"]);
  });

  it("answers a run whose steps ran once as it is", () => {
    expect(latestAttempts(SMALL_DAG)).toBe(SMALL_DAG);
  });
});
