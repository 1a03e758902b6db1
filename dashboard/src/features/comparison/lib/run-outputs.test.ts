import { describe, expect, it } from "vitest";
import type { StepRun } from "@/api/types";
import {
  defaultOutput,
  outputChoices,
  outputOfRowKey,
  outputVersionIds,
  visualizedColumns,
} from "@/features/comparison/lib/run-outputs";

function step(runId: string, name: string, outputs: Record<string, string>): StepRun {
  return { run_id: runId, name, outputs } as unknown as StepRun;
}

const steps = [
  step("r1", "load", { train: "t1", test: "s1" }),
  step("r1", "evaluate", { report: "e1" }),
  step("r2", "load", { train: "t2", test: "s2" }),
  step("r2", "evaluate", { report: "e2-failed" }),
  step("r2", "evaluate", { report: "e2" }),
  step("r3", "load", { train: "t3", test: "s3" }),
];

describe("outputChoices", () => {
  it("lists each step output once, in run order, with how many runs made it", () => {
    expect(outputChoices(steps)).toEqual([
      { step: "load", output: "train", runCount: 3 },
      { step: "load", output: "test", runCount: 3 },
      { step: "evaluate", output: "report", runCount: 2 },
    ]);
  });

  it("defaults to the last output the most runs made", () => {
    expect(defaultOutput(outputChoices(steps))).toMatchObject({ step: "load", output: "test" });
    expect(defaultOutput([])).toBeUndefined();
  });
});

describe("outputVersionIds", () => {
  it("gives each run's version, the last try of a retried step, a gap where none", () => {
    expect(outputVersionIds(steps, ["r2", "r1", "r3"], "evaluate", "report")).toEqual([
      "e2",
      "e1",
      undefined,
    ]);
  });
});

describe("visualizedColumns", () => {
  const columns = Array.from({ length: 14 }, (_, index) => 13 - index);

  it("keeps the first ten shown, in order", () => {
    expect(visualizedColumns(columns, 13)).toEqual(columns.slice(0, 10));
    expect(visualizedColumns([2, 0, 1], 0)).toEqual([2, 0, 1]);
  });

  it("always keeps the baseline, in its place among the others", () => {
    const shown = visualizedColumns(columns, 0);

    expect(shown).toHaveLength(10);
    expect(shown.at(-1)).toBe(0);
    expect(shown).not.toContain(4);
  });
});

describe("outputOfRowKey", () => {
  it("splits an outputs row's key at the step's end", () => {
    expect(outputOfRowKey("evaluate.report.v2")).toEqual({ step: "evaluate", output: "report.v2" });
    expect(outputOfRowKey("nodot")).toBeUndefined();
    expect(outputOfRowKey("step.")).toBeUndefined();
  });
});
