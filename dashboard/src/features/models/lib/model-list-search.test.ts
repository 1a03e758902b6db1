import { describe, expect, it } from "vitest";
import {
  modelSortBy,
  parseModelListSearch,
  toModelSort,
} from "@/features/models/lib/model-list-search";

describe("parseModelListSearch", () => {
  it("keeps a trimmed search and a known sort", () => {
    expect(parseModelListSearch({ q: " iris ", sort: "-created" })).toEqual({
      q: "iris",
      sort: "-created",
    });
  });

  it("drops an empty search and an unknown sort", () => {
    expect(parseModelListSearch({ q: "  ", sort: "size" })).toEqual({});
  });
});

describe("model sorts", () => {
  it("sort by name A to Z unless told otherwise", () => {
    expect(modelSortBy(undefined)).toBe("asc:name");
    expect(modelSortBy(toModelSort("created", true))).toBe("desc:created");
    expect(toModelSort("tags", false)).toBe("name");
  });
});
