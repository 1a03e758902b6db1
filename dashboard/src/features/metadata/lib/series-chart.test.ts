import { describe, expect, it } from "vitest";
import type { MetadataSeries } from "@/features/metadata/lib/explorer-search";
import { describeDatum, NO_GROUP, seriesLines } from "@/features/metadata/lib/series-chart";

const series: MetadataSeries = {
  key: "accuracy",
  resource: "run",
  total: 4,
  is_aggregated: false,
  points: [
    {
      time: "2026-01-01T00:00:00Z",
      group: "training",
      value: 0.5,
      entity_name: "training-1",
      run_id: "r1",
      count: 1,
    },
    {
      time: "2026-01-02T00:00:00Z",
      group: "tuning",
      value: 0.6,
      entity_name: "tuning-1",
      run_id: "r2",
      count: 1,
    },
    { time: "2026-01-03T00:00:00Z", group: "training", value: null, text: "n/a", count: 1 },
    { time: "2026-01-04T00:00:00Z", group: null, value: 0.9, min: 0.8, max: 1, count: 5 },
  ],
};

describe("seriesLines", () => {
  it("draws a line per pipeline and leaves out values that are not numbers", () => {
    const lines = seriesLines(series);

    expect([...lines.keys()]).toEqual(["training", "tuning", NO_GROUP]);
    expect(lines.get("training")).toEqual([
      ["2026-01-01T00:00:00Z", 0.5, "r1", 0.5, 0.5, 1, "training-1"],
    ]);
  });
});

describe("describeDatum", () => {
  it("names a run's value, and a bucket's mean, count and range", () => {
    const lines = seriesLines(series);
    const run = lines.get("training")?.[0];
    const bucket = lines.get(NO_GROUP)?.[0];
    if (!run || !bucket) throw new Error("both lines are drawn");

    expect(describeDatum("training", run)).toBe("training-1: 0.5 · 2026-01-01 00:00:00");
    expect(describeDatum(NO_GROUP, bucket)).toBe(
      `${NO_GROUP}: mean 0.9 of 5 (min 0.8, max 1) · 2026-01-04 00:00:00`,
    );
  });
});
