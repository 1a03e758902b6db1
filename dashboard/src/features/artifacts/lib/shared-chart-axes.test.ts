import { describe, expect, it } from "vitest";
import { niceAxis, shareAxes } from "@/features/artifacts/lib/shared-chart-axes";
import { cellRange, type StructuredChart } from "@/features/artifacts/lib/structured-chart";

function line(y: number[], x?: number[]): StructuredChart {
  return {
    format: "headwater.chart",
    kind: "line",
    title: "loss",
    x_axis: { label: "epoch" },
    y_axis: { label: "loss" },
    series: [{ name: "loss", x, y }],
  };
}

function heatmap(cells: number[][]): StructuredChart {
  return {
    format: "headwater.chart",
    kind: "heatmap",
    title: "confusion",
    x_axis: { label: "predicted", categories: ["a", "b"] },
    y_axis: { label: "true", categories: ["a", "b"] },
    series: [],
    cells,
  };
}

describe("shareAxes", () => {
  it("puts line charts on one x and y range covering every column", () => {
    const { charts, shared } = shareAxes([line([2.5, 1.2, 0.8]), line([1.1, 0.4], [0, 10])]);

    expect(charts.map((c) => [c?.x_axis.min, c?.x_axis.max])).toEqual([
      [0, 10],
      [0, 10],
    ]);
    expect(charts.map((c) => [c?.y_axis.min, c?.y_axis.max])).toEqual([
      [0, 2.5],
      [0, 2.5],
    ]);
    expect(charts[0]?.x_axis.interval).toBe(2);
    expect(shared).toBe("Same axes in every column: x 0 – 10, y 0 – 2.5");
  });

  it("keeps a missing column missing and the others in their places", () => {
    const { charts } = shareAxes([line([1, 2]), undefined, line([4, 8])]);

    expect(charts[1]).toBeUndefined();
    expect(charts[0]?.series[0]?.y).toEqual([1, 2]);
    expect(charts[2]?.y_axis.max).toBe(8);
  });

  it("gives heatmaps one colour scale", () => {
    const { charts, shared } = shareAxes([
      heatmap([
        [3, 1],
        [0, 5],
      ]),
      heatmap([
        [9, 2],
        [1, 7],
      ]),
    ]);

    expect(charts.map((c) => (c ? cellRange(c) : null))).toEqual([
      [0, 9],
      [0, 9],
    ]);
    expect(shared).toBe("Same colour scale in every column: 0 – 9");
  });

  it("lines bars up on every column's categories, with gaps where one lacks some", () => {
    const bar = (categories: string[], y: number[]): StructuredChart => ({
      ...line(y),
      kind: "bar",
      x_axis: { label: "month", categories },
    });
    const { charts } = shareAxes([bar(["Jan", "Feb"], [10, 20]), bar(["Feb", "Mar"], [30, 40])]);

    expect(charts[0]?.x_axis.categories).toEqual(["Jan", "Feb", "Mar"]);
    expect(charts[0]?.series[0]?.y).toEqual([10, 20, null]);
    expect(charts[1]?.series[0]?.y).toEqual([null, 30, 40]);
    expect(charts[1]?.y_axis).toMatchObject({ min: 0, max: 40 });
  });

  it("leaves charts of different kinds, or a lone chart, as they are", () => {
    const mixed = [line([1, 2]), heatmap([[1]])];

    expect(shareAxes(mixed)).toEqual({ charts: mixed, shared: null });
    expect(shareAxes([line([1, 2]), undefined]).shared).toBeNull();
  });
});

describe("niceAxis", () => {
  it("rounds out to round ticks about five apart", () => {
    expect(niceAxis([0.013, 0.87])).toEqual({ range: [0, 1], interval: 0.2 });
    expect(niceAxis([1, 13])).toEqual({ range: [0, 15], interval: 5 });
    expect(niceAxis([5, 5])).toEqual({ range: [5, 6], interval: 0.2 });
  });
});
