import { describe, expect, it } from "vitest";
import { rolesOfTeam, rolesOfUser } from "@/features/settings/lib/held-roles";

const HIERARCHY = [
  {
    project_name: "ml",
    members: [
      { kind: "user", principal_name: "ana", role: "viewer" },
      { kind: "team", principal_name: "crew", role: "runner" },
    ],
  },
  { project_name: "ops", members: [{ kind: "team", principal_name: "crew", role: "developer" }] },
  { project_name: "lab", members: [{ kind: "user", principal_name: "bo", role: "admin" }] },
];
const TEAMS = [
  { name: "crew", members: ["ana", "cy"] },
  { name: "solo", members: ["bo"] },
];

describe("held roles", () => {
  it("lists a user's direct roles and those through their teams", () => {
    expect(rolesOfUser("ana", HIERARCHY, TEAMS)).toEqual([
      { project: "ml", role: "viewer", via: null },
      { project: "ml", role: "runner", via: "crew" },
      { project: "ops", role: "developer", via: "crew" },
    ]);
  });

  it("finds nothing for a user without grants or teams", () => {
    expect(rolesOfUser("zed", HIERARCHY, TEAMS)).toEqual([]);
  });

  it("lists the roles a team holds by project", () => {
    expect(rolesOfTeam("crew", HIERARCHY).map((h) => `${h.project}:${h.role}`)).toEqual([
      "ml:runner",
      "ops:developer",
    ]);
    expect(rolesOfTeam("solo", HIERARCHY)).toEqual([]);
  });
});
