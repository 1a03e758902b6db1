import { describe, expect, it } from "vitest";
import { parseApprovalsSearch } from "@/features/models/lib/approvals-search";

describe("parseApprovalsSearch", () => {
  it("keeps 'all' and drops anything else, so pending is the default", () => {
    expect(parseApprovalsSearch({ show: "all" })).toEqual({ show: "all" });
    expect(parseApprovalsSearch({ show: "pending" })).toEqual({});
    expect(parseApprovalsSearch({})).toEqual({});
  });
});
