import { describe, expect, it } from "vitest";
import { cellRange, parseStructuredChart } from "@/features/artifacts/lib/structured-chart";
import { parseStructuredTable, statusCounts } from "@/features/artifacts/lib/structured-table";

describe("parseStructuredChart", () => {
  it("reads a heatmap with its labels", () => {
    const chart = parseStructuredChart({
      format: "headwater.chart",
      kind: "heatmap",
      x_axis: { label: "predicted", categories: ["a", "b"] },
      y_axis: { label: "true", categories: ["a", "b"] },
      cells: [
        [3, 1],
        [0, 5],
      ],
    });
    expect(chart.x_axis.categories).toEqual(["a", "b"]);
    expect(cellRange(chart)).toEqual([0, 5]);
  });

  it("refuses an unknown kind", () => {
    expect(() => parseStructuredChart({ format: "headwater.chart", kind: "pie" })).toThrow(
      "unknown kind 'pie'",
    );
  });
});

describe("parseStructuredTable", () => {
  it("counts passing and failing cells", () => {
    const table = parseStructuredTable(
      JSON.stringify({
        format: "headwater.table",
        columns: [{ name: "check" }, { name: "ok", type: "boolean" }],
        rows: [
          ["a", true],
          ["b", false],
        ],
        statuses: [
          [null, "pass"],
          [null, "fail"],
        ],
      }),
    );
    expect(statusCounts(table)).toEqual({ pass: 1, fail: 1 });
  });

  it("refuses a document that is not a table", () => {
    expect(() => parseStructuredTable("{}")).toThrow("not a table document");
  });
});
