import { describe, expect, it } from "vitest";
import { mayManageDirectory, maySee, SECTIONS } from "@/features/settings/lib/settings-sections";

describe("settings sections", () => {
  it("shows admins every page", () => {
    expect(SECTIONS.every((s) => maySee("admin", s.id))).toBe(true);
    expect(SECTIONS.map((s) => s.id)).toContain("audit");
  });

  it("hides users and service accounts from viewers and members", () => {
    for (const role of ["viewer", "member"] as const) {
      expect(maySee(role, "users")).toBe(false);
      expect(maySee(role, "service-accounts")).toBe(false);
      expect(maySee(role, "access")).toBe(true);
      expect(maySee(role, "members")).toBe(true);
      expect(mayManageDirectory(role)).toBe(false);
    }
  });
});
