import { describe, expect, it } from "vitest";
import { comparedNumbers, parseCompareSearch } from "@/features/models/lib/compare-search";

describe("parseCompareSearch", () => {
  it("reads a comma list of numbers, dropping repeats and bad parts", () => {
    expect(parseCompareSearch({ versions: "3,1,x,3,0,2" })).toEqual({ versions: "3,1,2" });
  });

  it("keeps at most ten versions", () => {
    const raw = { versions: "1,2,3,4,5,6,7,8,9,10,11,12" };

    expect(comparedNumbers(parseCompareSearch(raw))).toHaveLength(10);
  });

  it("keeps a baseline only when it is one of the compared versions", () => {
    expect(parseCompareSearch({ versions: "1,2", baseline: "2" }).baseline).toBe(2);
    expect(parseCompareSearch({ versions: "1,2", baseline: "5" }).baseline).toBeUndefined();
  });
});
