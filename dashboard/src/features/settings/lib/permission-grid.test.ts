import { describe, expect, it } from "vitest";
import {
  affectedBy,
  permissionOf,
  sortedPermissions,
  toggled,
  toggledRow,
} from "@/features/settings/lib/permission-grid";

describe("permission grid", () => {
  it("switches one cell on and off", () => {
    const on = toggled(new Set(), permissionOf("run", "read"));
    expect([...on]).toEqual(["run:read"]);
    expect([...toggled(on, "run:read")]).toEqual([]);
  });

  it("fills a row, then empties a full row", () => {
    const full = toggledRow(new Set(["run:read"]), "run");
    expect(full.size).toBe(6);
    expect(toggledRow(full, "run").size).toBe(0);
  });

  it("sorts by resource, then action", () => {
    expect(sortedPermissions(["run:delete", "project:read", "run:read"])).toEqual([
      "project:read",
      "run:read",
      "run:delete",
    ]);
  });

  it("counts the principals and projects holding a role", () => {
    const hierarchy = [
      {
        project_name: "ml",
        members: [
          { role: "runner", principal_name: "crew", kind: "team" },
          { role: "viewer", principal_name: "ana", kind: "user" },
        ],
      },
      { project_name: "ops", members: [{ role: "runner", principal_name: "crew", kind: "team" }] },
    ];
    expect(affectedBy("runner", hierarchy)).toEqual({ principals: 1, projects: 2 });
    expect(affectedBy("nobody", hierarchy)).toEqual({ principals: 0, projects: 0 });
  });
});
