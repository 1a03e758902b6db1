/** The settings pages, and which of them each server role may see. */
import type { ServerRole } from "@/features/settings/lib/types";

export type SettingsSection =
  | "profile"
  | "members"
  | "users"
  | "teams"
  | "roles"
  | "service-accounts"
  | "audit"
  | "access";

export const SECTIONS = [
  { id: "profile", label: "Profile" },
  { id: "members", label: "Members" },
  { id: "users", label: "Users" },
  { id: "teams", label: "Teams" },
  { id: "roles", label: "Roles" },
  { id: "service-accounts", label: "Service accounts" },
  { id: "audit", label: "Audit trail" },
  { id: "access", label: "Access" },
] as const satisfies readonly { id: SettingsSection; label: string }[];

// Users and service accounts are managed by server admins alone; the server refuses
// everyone else, so their pages are not shown to them at all.
const ADMIN_ONLY: ReadonlySet<SettingsSection> = new Set(["users", "service-accounts"]);

/** Whether a server role sees a settings page. */
export function maySee(role: ServerRole, section: SettingsSection): boolean {
  return role === "admin" || !ADMIN_ONLY.has(section);
}

/** Whether a server role may change users, teams and roles (server admins only). */
export function mayManageDirectory(role: ServerRole): boolean {
  return role === "admin";
}
