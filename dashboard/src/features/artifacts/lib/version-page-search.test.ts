import { describe, expect, it } from "vitest";
import { parseVersionPageSearch } from "@/features/artifacts/lib/version-page-search";

describe("parseVersionPageSearch", () => {
  it("keeps a version id and drops anything else", () => {
    const id = "0F8E2A1C-7B3D-4E5F-9A8B-1C2D3E4F5A6B";

    expect(parseVersionPageSearch({ compare: id })).toEqual({ compare: id.toLowerCase() });
    expect(parseVersionPageSearch({ compare: "v2" })).toEqual({});
    expect(parseVersionPageSearch({ compare: 3 })).toEqual({});
  });

  it("keeps differences only while a version is compared", () => {
    const id = "0f8e2a1c-7b3d-4e5f-9a8b-1c2d3e4f5a6b";

    expect(parseVersionPageSearch({ compare: id, diff: true })).toEqual({
      compare: id,
      diff: true,
    });
    expect(parseVersionPageSearch({ diff: true })).toEqual({});
    expect(parseVersionPageSearch({ compare: id, diff: "yes" })).toEqual({ compare: id });
  });
});
