/** What an edit of a role's permissions adds and removes, in the grid's order. */
import { sortedPermissions } from "@/features/settings/lib/permission-grid";

export interface PermissionChanges {
  added: string[];
  removed: string[];
  any: boolean;
}

/** The permissions added to and removed from `before` to reach `after`. */
export function permissionChanges(
  before: readonly string[],
  after: ReadonlySet<string>,
): PermissionChanges {
  const had = new Set(before);
  const added = sortedPermissions([...after].filter((p) => !had.has(p)));
  const removed = sortedPermissions(before.filter((p) => !after.has(p)));
  return { added, removed, any: added.length + removed.length > 0 };
}
