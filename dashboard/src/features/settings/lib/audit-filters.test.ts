import { describe, expect, it } from "vitest";
import { auditQuery, parseAuditFilters } from "@/features/settings/lib/audit-filters";

describe("audit filters", () => {
  it("keeps known, non-empty filters and a page past the first", () => {
    expect(parseAuditFilters({ user: " ana ", action: "", page: "3", other: "x" })).toEqual({
      user: "ana",
      page: 3,
    });
  });

  it("asks the server for a time range as two created bounds", () => {
    const query = auditQuery({ since: "2026-01-01", until: "2026-02-01" });
    expect(query.created).toEqual(["gte:2026-01-01", "lte:2026-02-01"]);
    expect(query.page).toBe(1);
  });

  it("asks for a project by the id it is given, not the name in the URL", () => {
    expect(auditQuery({ project: "lab" }, "0b1c").project_id).toBe("0b1c");
    expect(auditQuery({ project: "lab" }).project_id).toBeUndefined();
  });

  it("sends no created bound without a time range", () => {
    expect(auditQuery({}).created).toBeUndefined();
  });
});
