import { describe, expect, it } from "vitest";
import {
  parseCompareSearch,
  rowId,
  runIdsOf,
  withRuns,
} from "@/features/comparison/lib/compare-search";

describe("parseCompareSearch", () => {
  it("keeps a whole view: runs, baseline, toggles, filter, view and chart settings", () => {
    const search = parseCompareSearch({
      runs: "a,b,c",
      baseline: "b",
      diff: true,
      q: "accuracy",
      view: "parallel",
      sort: "parameters/train.learning_rate",
      desc: true,
      axes: ["parameters/train.learning_rate", "step metadata/train.accuracy"],
      color: "step metadata/train.accuracy",
      brush: { "step metadata/train.accuracy": [[0.95, 0.9]] },
    });

    expect(search).toEqual({
      runs: "a,b,c",
      baseline: "b",
      diff: true,
      q: "accuracy",
      view: "parallel",
      sort: "parameters/train.learning_rate",
      desc: true,
      axes: ["parameters/train.learning_rate", "step metadata/train.accuracy"],
      color: "step metadata/train.accuracy",
      brush: { "step metadata/train.accuracy": [[0.9, 0.95]] },
    });
  });

  it("drops what is not valid instead of breaking the page", () => {
    const search = parseCompareSearch({
      view: "pie",
      diff: "yes",
      axes: "not-a-list",
      brush: { a: [["x", 1]], b: "wide" },
      q: "",
    });

    expect(search).toEqual({});
  });

  it("keeps every id of 500 runs, however long the list", () => {
    const ids = Array.from(
      { length: 500 },
      (_, i) => `01a24cba-16cf-7cb1-8d00-${String(i).padStart(12, "0")}`,
    );

    expect(runIdsOf(parseCompareSearch({ runs: ids.join(",") }))).toEqual(ids);
  });

  it("leaves the table out of the URL, since it is the default view", () => {
    expect(parseCompareSearch({ view: "table" })).toEqual({});
  });
});

describe("runs in the URL", () => {
  it("reads comma-separated ids in order, skipping blanks", () => {
    expect(runIdsOf({ runs: "a, b,,c" })).toEqual(["a", "b", "c"]);
    expect(runIdsOf({})).toEqual([]);
  });

  it("drops the baseline with its run", () => {
    expect(withRuns({ runs: "a,b,c", baseline: "b" }, ["a", "c"])).toEqual({
      runs: "a,c",
      baseline: undefined,
    });
    expect(withRuns({ runs: "a,b", baseline: "a" }, ["a", "b", "c"]).baseline).toBe("a");
  });

  it("names a row by its group and key", () => {
    expect(rowId({ group: "parameters", key: "train.gamma" })).toBe("parameters/train.gamma");
  });
});

describe("the visualizations view in the URL", () => {
  it("keeps the step and output shown side by side", () => {
    expect(
      parseCompareSearch({ view: "visualizations", step: "evaluate", output: "report" }),
    ).toEqual({ view: "visualizations", step: "evaluate", output: "report" });
    expect(parseCompareSearch({ step: "", output: 7 })).toEqual({ output: "7" });
  });
});
