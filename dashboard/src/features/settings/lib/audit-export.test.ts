import { describe, expect, it } from "vitest";
import { toCsv, toJsonLines } from "@/features/settings/lib/audit-export";
import type { AuditEvent } from "@/features/settings/lib/types";

const EVENT: AuditEvent = {
  id: 7,
  created: "2026-12-06T10:00:00Z",
  user_name: "ana",
  action: "create",
  resource: "team",
  resource_id: "5f0c",
  resource_name: 'a "quoted", name',
  project_id: null,
  operation: "create_team",
  user_id: null,
};

describe("audit export", () => {
  it("writes CSV with a header and quoted cells", () => {
    const csv = toCsv([EVENT]);
    expect(csv.split("\n")[0]).toBe(
      "id,created,user_name,action,resource,resource_id,resource_name,project_id,operation",
    );
    expect(csv).toContain('"a ""quoted"", name"');
    expect(csv.endsWith("\n")).toBe(true);
  });

  it("writes one JSON object per line", () => {
    const lines = toJsonLines([EVENT, { ...EVENT, id: 8 }])
      .trim()
      .split("\n");
    expect(lines.map((line) => JSON.parse(line).id)).toEqual([7, 8]);
  });

  it("writes nothing for no events", () => {
    expect(toJsonLines([])).toBe("");
  });
});
