import { describe, expect, it } from "vitest";
import { keyMetric, metricKeys } from "@/features/models/lib/key-metric";
import type { ModelVersion } from "@/features/models/lib/model-types";

function version(metadata: Record<string, unknown>): ModelVersion {
  return {
    id: "v",
    model_id: "m",
    model_name: "iris",
    number: 1,
    name: "1",
    description: null,
    stage: "none",
    created: "2026-11-20T10:00:00Z",
    metadata: Object.fromEntries(
      Object.entries(metadata).map(([key, value]) => [key, { key, type: "float", value }]),
    ),
  };
}

describe("metricKeys", () => {
  it("puts the promotion rules' keys first, then numeric keys by how many versions have them", () => {
    const rules = [
      { stage: "staging" as const, metadata_key: "f1", operator: ">" as const, threshold: 1 },
    ];
    const versions = [version({ loss: 0.2, rows: 5, note: "x" }), version({ loss: 0.1 })];

    expect(metricKeys({ promotion_rules: rules }, versions)).toEqual(["f1", "loss", "rows"]);
  });

  it("has no key metric for a model without numbers or rules", () => {
    expect(keyMetric({ promotion_rules: [] }, [version({ note: "x" })])).toBeNull();
  });
});
