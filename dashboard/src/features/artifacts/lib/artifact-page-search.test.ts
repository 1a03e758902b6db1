import { describe, expect, it } from "vitest";
import { parseArtifactPageSearch } from "@/features/artifacts/lib/artifact-page-search";

describe("parseArtifactPageSearch", () => {
  it("keeps a page, a version id and a key", () => {
    const version = "0b9c2a4e-3f1d-4c55-9a7e-2d8f6b1c0a11";

    expect(parseArtifactPageSearch({ page: "2", version, key: "rows" })).toEqual({
      page: 2,
      version,
      key: "rows",
    });
  });

  it("drops a first page, a version that is no id and an empty key", () => {
    expect(parseArtifactPageSearch({ page: "1", version: "v3", key: "" })).toEqual({});
  });
});
