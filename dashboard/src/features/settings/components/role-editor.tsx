import { type FormEvent, useState } from "react";
import { useCreateRole } from "@/features/settings/api/create-role";
import { useRoleReach } from "@/features/settings/api/get-role-reach";
import { useUpdateRole } from "@/features/settings/api/update-role";
import { PermissionGrid } from "@/features/settings/components/permission-grid";
import { sortedPermissions } from "@/features/settings/lib/permission-grid";
import { permissionChanges } from "@/features/settings/lib/role-changes";
import type { Role } from "@/features/settings/lib/types";
import { errorMessage } from "@/lib/api-client";

export interface RoleEditorProps {
  /** The custom role to edit; null makes a new one. */
  role: Role | null;
  onDone: (saved: string) => void;
  onCancel: () => void;
}

/** A custom role's name and permission grid, with what saving it would reach. */
export function RoleEditor({ role, onDone, onCancel }: RoleEditorProps) {
  const [held, setHeld] = useState<Set<string>>(() => new Set(role?.permissions ?? []));
  const [name, setName] = useState(role?.name ?? "");
  const create = useCreateRole();
  const update = useUpdateRole();
  const saving = role ? update : create;
  const changes = permissionChanges(role?.permissions ?? [], held);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const permissions = sortedPermissions(held);
    if (role)
      update.mutate({ name: role.name, permissions }, { onSuccess: () => onDone(role.name) });
    else create.mutate({ name: name.trim(), permissions }, { onSuccess: (r) => onDone(r.name) });
  };
  return (
    <form
      className="card card-body section"
      aria-label={role ? `Edit role ${role.name}` : "New role"}
      onSubmit={onSubmit}
    >
      <h2>{role ? `Edit ${role.name}` : "New custom role"}</h2>
      {role ? null : (
        <input
          className="input"
          aria-label="Role name"
          placeholder="role name, such as runner"
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
        />
      )}
      <PermissionGrid label="Permissions of the role" held={held} onChange={setHeld} />
      <div className="callout" role="status" aria-label="What saving changes">
        {changes.added.length === 0 && changes.removed.length === 0 ? (
          <span>No change yet: tick the permissions the role grants.</span>
        ) : (
          <span>
            {changes.added.length ? `Adds ${changes.added.join(", ")}. ` : ""}
            {changes.removed.length ? `Removes ${changes.removed.join(", ")}. ` : ""}
          </span>
        )}
        {role ? (
          <ReachPreview role={role.name} />
        ) : (
          <div>A new role reaches nobody until granted.</div>
        )}
      </div>
      <div className="row">
        <button
          type="submit"
          className="button primary"
          disabled={saving.isPending || held.size === 0 || (role !== null && !changes.any)}
        >
          {role ? "Save role" : "Create role"}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {saving.isError ? <p className="field-error">{errorMessage(saving.error)}</p> : null}
    </form>
  );
}

function ReachPreview({ role }: { role: string }) {
  const reach = useRoleReach(role);
  if (!reach.data) return null;
  const { users, teams, projects } = reach.data;
  if (projects.length === 0)
    return <div>Nobody holds '{role}' yet: saving changes no one's access.</div>;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    <div>
      Saving changes what {plural(users.length, "user")} and {plural(teams.length, "team")} may do
      in {plural(projects.length, "project")} ({projects.join(", ")}).
    </div>
  );
}
