import { useEffectivePermissions } from "@/features/settings/api/get-effective-permissions";
import { useCurrentUser } from "@/lib/current-user";

/** Whether the caller holds a permission in a project, as the server's own tables say.
 * Server admins (and local mode) hold every one; others are asked of the server. */
export function useMayInProject(permission: string, project: string): boolean {
  const me = useCurrentUser();
  const isAdmin = me.data?.role === "admin";
  const effective = useEffectivePermissions(isAdmin ? "" : (me.data?.name ?? ""), project);
  if (isAdmin) return true;
  return effective.data?.permissions.includes(permission) ?? false;
}
