import { describe, expect, it } from "vitest";
import { permissionChanges } from "@/features/settings/lib/role-changes";

describe("role changes", () => {
  it("names what an edit adds and removes, in grid order", () => {
    const changes = permissionChanges(
      ["run:read", "project:read"],
      new Set(["project:read", "run:delete", "audit:read"]),
    );
    expect(changes).toEqual({
      added: ["run:delete", "audit:read"],
      removed: ["run:read"],
      any: true,
    });
  });

  it("says when nothing changed", () => {
    expect(permissionChanges(["run:read"], new Set(["run:read"])).any).toBe(false);
  });
});
