import { describe, expect, it } from "vitest";
import type { ArtifactVersion, MetadataEntry } from "@/api/types";
import { chartKey, numericKeys, versionSeries } from "@/features/artifacts/lib/version-series";

function aVersion(version: number, metadata: Record<string, MetadataEntry>): ArtifactVersion {
  return {
    id: `v${version}`,
    artifact_id: "a",
    artifact_name: "model",
    version,
    uri: `/a/${version}`,
    content_hash: "h",
    data_type: "builtins.int",
    materializer: "m",
    size_bytes: 1,
    visualizations: [],
    metadata,
    tags: [],
    producer_step_run_id: null,
    created: "2026-01-01T00:00:00Z",
  };
}

const number = (key: string, value: number): MetadataEntry => ({ key, type: "float", value });

describe("numericKeys", () => {
  it("lists keys with numbers, the most common first, and skips text", () => {
    const versions = [
      aVersion(1, { rows: number("rows", 3), note: { key: "note", type: "str", value: "x" } }),
      aVersion(2, { rows: number("rows", 4), accuracy: number("accuracy", 0.9) }),
    ];

    expect(numericKeys(versions)).toEqual(["rows", "accuracy"]);
  });
});

describe("versionSeries", () => {
  it("orders points by version and keeps a missing value as a gap", () => {
    const versions = [
      aVersion(3, { rows: number("rows", 9) }),
      aVersion(1, {}),
      aVersion(2, { rows: number("rows", 5) }),
    ];

    expect(versionSeries(versions, "rows").map((p) => [p.version, p.value])).toEqual([
      [1, null],
      [2, 5],
      [3, 9],
    ]);
  });
});

describe("chartKey", () => {
  it("keeps the asked key when present, else falls back to the first", () => {
    expect(chartKey(["rows", "loss"], "loss")).toBe("loss");
    expect(chartKey(["rows", "loss"], "gone")).toBe("rows");
    expect(chartKey([], "loss")).toBeNull();
  });
});
