/** Permissions as a grid of resources × actions, the way roles are drawn and edited. */

/** Every resource, in the order of `store/permissions.py` (project resources first). */
export const RESOURCES = [
  "project",
  "member",
  "pipeline",
  "run",
  "step",
  "artifact",
  "metadata",
  "tag",
  "model",
  "model_version",
  "stack",
  "component",
  "secret",
  "audit",
  "user",
  "team",
  "role",
] as const;

export const ACTIONS = ["read", "create", "update", "delete", "promote", "manage"] as const;

export type Resource = (typeof RESOURCES)[number];
export type Action = (typeof ACTIONS)[number];

/** Resources that hold on the server, never inside a project (custom roles leave them out). */
export const SERVER_RESOURCES: ReadonlySet<Resource> = new Set(["user", "team", "role"]);

/** `run:read` for a cell of the grid. */
export function permissionOf(resource: Resource, action: Action): string {
  return `${resource}:${action}`;
}

/** A set of permission texts with one cell switched on or off (a new set). */
export function toggled(held: ReadonlySet<string>, permission: string): Set<string> {
  const next = new Set(held);
  if (next.has(permission)) next.delete(permission);
  else next.add(permission);
  return next;
}

/** A whole row (every action of a resource) on, unless it is all on already: then off. */
export function toggledRow(held: ReadonlySet<string>, resource: Resource): Set<string> {
  const row = ACTIONS.map((action) => permissionOf(resource, action));
  const isFull = row.every((p) => held.has(p));
  const next = new Set(held);
  for (const p of row) {
    if (isFull) next.delete(p);
    else next.add(p);
  }
  return next;
}

/** The permissions in a stable order: by resource, then action, as the grid shows them. */
export function sortedPermissions(held: Iterable<string>): string[] {
  const rank = (text: string) => {
    const [resource, action] = text.split(":");
    return (
      RESOURCES.indexOf(resource as Resource) * ACTIONS.length + ACTIONS.indexOf(action as Action)
    );
  };
  return [...held].sort((a, b) => rank(a) - rank(b));
}

/** How many grants and projects a role's change reaches: every member holding it. */
export function affectedBy(
  roleName: string,
  hierarchy: readonly {
    project_name: string;
    members: readonly { role: string; principal_name: string; kind: string }[];
  }[],
): { principals: number; projects: number } {
  const principals = new Set<string>();
  const projects = new Set<string>();
  for (const project of hierarchy) {
    for (const member of project.members) {
      if (member.role !== roleName) continue;
      principals.add(`${member.kind}:${member.principal_name}`);
      projects.add(project.project_name);
    }
  }
  return { principals: principals.size, projects: projects.size };
}
