import { describe, expect, it } from "vitest";
import type { ArtifactVersion } from "@/api/types";
import { versionDifferences } from "@/features/artifacts/lib/metadata-differences";

function version(size: number, metadata: Record<string, unknown>): ArtifactVersion {
  return {
    data_type: "builtins.dict",
    size_bytes: size,
    materializer: "json",
    content_hash: `${size}`.padEnd(64, "0"),
    tags: [],
    metadata: Object.fromEntries(
      Object.entries(metadata).map(([key, value]) => [key, { key, type: "float", value }]),
    ),
  } as unknown as ArtifactVersion;
}

describe("versionDifferences", () => {
  it("marks what differs, with a number's change, and shows a key one version lacks", () => {
    const rows = versionDifferences(
      version(2048, { accuracy: 0.9, rows: 10 }),
      version(4096, { accuracy: 0.95, rows: 10, drift: true }),
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));

    expect(byKey.get("metadata.accuracy")).toMatchObject({
      left: "0.9",
      right: "0.95",
      differs: true,
    });
    expect(byKey.get("metadata.accuracy")?.delta).toBeCloseTo(0.05);
    expect(byKey.get("metadata.rows")).toMatchObject({ differs: false, delta: undefined });
    expect(byKey.get("metadata.drift")).toMatchObject({ left: undefined, right: "true" });
    expect(byKey.get("size")).toMatchObject({ left: "2.00 KB", differs: true, delta: undefined });
    expect(byKey.get("data type")?.differs).toBe(false);
  });
});
