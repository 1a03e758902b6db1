/** What the caller's server role lets them do on the stack pages (the server checks too). */
import type { ServerRole } from "@/api/types";
import { mayWrite } from "@/lib/current-user";

/** Register, edit and delete stacks and components: members and admins. */
export function mayEditStacks(role: ServerRole | undefined): boolean {
  return role !== undefined && mayWrite(role);
}

/** Change a secret's value: it needs `secret:update`, which only admins hold by default. */
export function mayChangeSecrets(role: ServerRole | undefined): boolean {
  return role === "admin";
}
