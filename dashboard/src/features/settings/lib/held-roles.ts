/** The project roles a user or team holds, read from the hierarchy the server sends. */

interface MemberLike {
  kind: string;
  principal_name: string;
  role: string;
}

interface ProjectLike {
  project_name: string;
  members: readonly MemberLike[];
}

interface TeamLike {
  name: string;
  members: readonly string[];
}

/** One role held in one project; `via` names the team it comes through (null: directly). */
export interface HeldRole {
  project: string;
  role: string;
  via: string | null;
}

/** Every project role of a user: granted to them, or to a team they are in. */
export function rolesOfUser(
  user: string,
  hierarchy: readonly ProjectLike[],
  teams: readonly TeamLike[],
): HeldRole[] {
  const myTeams = new Set(teams.filter((t) => t.members.includes(user)).map((t) => t.name));
  const held: HeldRole[] = [];
  for (const project of hierarchy) {
    for (const member of project.members) {
      if (member.kind === "user" && member.principal_name === user) {
        held.push({ project: project.project_name, role: member.role, via: null });
      } else if (member.kind === "team" && myTeams.has(member.principal_name)) {
        held.push({ project: project.project_name, role: member.role, via: member.principal_name });
      }
    }
  }
  return held;
}

/** The roles a team holds, project by project. */
export function rolesOfTeam(team: string, hierarchy: readonly ProjectLike[]): HeldRole[] {
  return hierarchy.flatMap((project) =>
    project.members
      .filter((m) => m.kind === "team" && m.principal_name === team)
      .map((m) => ({ project: project.project_name, role: m.role, via: null })),
  );
}
