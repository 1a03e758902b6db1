import { describe, expect, it } from "vitest";
import {
  blockStart,
  describeSampling,
  heatmapCells,
  parseChartData,
} from "@/features/artifacts/lib/chart-data";

const LINE = { kind: "line", shape: [3], bucket: 1, x: [0, 1, 2], y: [1, null, 3], min: 1, max: 3 };
const HEATMAP = {
  kind: "heatmap",
  shape: [2, 3],
  block: [1, 1],
  values: [
    [0, 1, 2],
    [3, null, 5],
  ],
  min: 0,
  max: 5,
};

describe("parseChartData", () => {
  it("reads a line chart", () => {
    const chart = parseChartData(JSON.stringify(LINE));

    expect(chart.kind).toBe("line");
    expect(chart.kind === "line" && chart.y).toEqual([1, null, 3]);
  });

  it("reads a heatmap", () => {
    const chart = parseChartData(JSON.stringify(HEATMAP));

    expect(chart.kind === "heatmap" && chart.shape).toEqual([2, 3]);
  });

  it("refuses a document of an unknown kind, naming it", () => {
    expect(() => parseChartData(JSON.stringify({ ...LINE, kind: "pie" }))).toThrow("'pie'");
  });

  it("refuses values that are not numbers", () => {
    expect(() => parseChartData(JSON.stringify({ ...LINE, y: ["a"] }))).toThrow("unknown kind");
  });
});

describe("describeSampling", () => {
  it("says nothing when every value is shown", () => {
    expect(describeSampling(parseChartData(JSON.stringify(LINE)))).toBeNull();
    expect(describeSampling(parseChartData(JSON.stringify(HEATMAP)))).toBeNull();
  });

  it("says how many points of how many a line keeps", () => {
    const chart = parseChartData(
      JSON.stringify({ ...LINE, shape: [1000000], bucket: 400, x: [0, 1, 2] }),
    );

    expect(describeSampling(chart)).toBe(
      "Downsampled on the server: 3 of 1,000,000 points, the lowest and highest of every 400.",
    );
  });

  it("says which blocks a heatmap's cells average", () => {
    const chart = parseChartData(JSON.stringify({ ...HEATMAP, shape: [600, 450], block: [3, 3] }));

    expect(describeSampling(chart)).toContain("2 × 3 cells for 600 × 450 values");
    expect(describeSampling(chart)).toContain("3 × 3 block");
  });
});

describe("heatmapCells", () => {
  it("lists every cell as column, row, value and keeps missing values", () => {
    const chart = parseChartData(JSON.stringify(HEATMAP));
    if (chart.kind !== "heatmap") throw new Error("not a heatmap");

    const cells = heatmapCells(chart);

    expect(cells[0]).toEqual([0, 0, 0]);
    expect(cells).toContainEqual([1, 1, null]);
    expect(cells).toHaveLength(6);
  });
});

describe("blockStart", () => {
  it("maps a cell back to the array index it starts at", () => {
    expect(blockStart(4, 3)).toBe(12);
  });
});
