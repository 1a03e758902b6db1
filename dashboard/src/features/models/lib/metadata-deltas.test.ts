import { describe, expect, it } from "vitest";
import { compareMetadata, formatDelta } from "@/features/models/lib/metadata-deltas";
import type { ModelVersion } from "@/features/models/lib/model-types";

function version(number: number, metadata: Record<string, unknown>): ModelVersion {
  return {
    id: `v${number}`,
    model_id: "m",
    model_name: "iris",
    number,
    name: String(number),
    description: null,
    stage: "none",
    created: "2026-11-20T10:00:00Z",
    metadata: Object.fromEntries(
      Object.entries(metadata).map(([key, value]) => [key, { key, type: "float", value }]),
    ),
  };
}

describe("compareMetadata", () => {
  it("gives each numeric value its difference from the baseline's", () => {
    const versions = [version(1, { accuracy: 0.9 }), version(2, { accuracy: 0.95 })];

    const rows = compareMetadata(versions, 0);

    expect(rows).toHaveLength(1);
    expect(rows[0]?.cells[0]?.delta).toBeNull();
    expect(rows[0]?.cells[1]?.delta).toBeCloseTo(0.05);
  });

  it("lists every key any version has, with no delta where a value is missing or text", () => {
    const versions = [
      version(1, { accuracy: 0.9, framework: "sklearn" }),
      version(2, { framework: "torch", loss: 0.2 }),
    ];

    const rows = compareMetadata(versions, 1);

    expect(rows.map((row) => row.key)).toEqual(["accuracy", "framework", "loss"]);
    expect(rows.flatMap((row) => row.cells.map((cell) => cell.delta))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("formatDelta", () => {
  it("signs a delta and says when there is none", () => {
    expect([formatDelta(0.05), formatDelta(-0.0200000001), formatDelta(0)]).toEqual([
      "+0.05",
      "−0.02",
      "±0",
    ]);
  });
});
