import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useRoles } from "@/features/settings/api/list-roles";
import { PermissionGrid } from "@/features/settings/components/permission-grid";
import { RoleEditor } from "@/features/settings/components/role-editor";
import { mayManageDirectory } from "@/features/settings/lib/settings-sections";
import type { Role } from "@/features/settings/lib/types";
import { useCurrentUser } from "@/lib/current-user";

export interface RolesPageProps {
  /** The custom role being edited, or "new"; from the URL. */
  editing?: string;
  onEdit: (role: string | undefined) => void;
}

/** Built-in roles (read only) and custom ones, edited as a resources × actions grid. */
export function RolesPage({ editing, onEdit }: RolesPageProps) {
  const roles = useRoles();
  const me = useCurrentUser();
  const mayManage = me.data ? mayManageDirectory(me.data.role) : false;
  return (
    <QueryView query={roles} errorTitle="Could not load the roles">
      {(list) => {
        const builtIn = list.filter((r) => r.is_built_in);
        const custom = list.filter((r) => !r.is_built_in);
        const edited = custom.find((r) => r.name === editing);
        return (
          <div className="section">
            <section className="card card-body section" aria-label="Custom roles">
              <div className="row">
                <h2>Custom roles</h2>
                <span className="spacer" />
                {mayManage ? (
                  <button type="button" className="button primary" onClick={() => onEdit("new")}>
                    New role
                  </button>
                ) : null}
              </div>
              {custom.length === 0 ? (
                <EmptyState title="No custom roles">
                  {mayManage
                    ? "Make one when the built-in roles give too much or too little."
                    : "Server admins make them."}
                </EmptyState>
              ) : (
                <ul className="role-list">
                  {custom.map((role) => (
                    <RoleSummary
                      key={role.name}
                      role={role}
                      onEdit={mayManage ? () => onEdit(role.name) : undefined}
                    />
                  ))}
                </ul>
              )}
            </section>
            {mayManage && (editing === "new" || edited) ? (
              <RoleEditor
                key={editing}
                role={edited ?? null}
                onDone={(saved) => onEdit(saved)}
                onCancel={() => onEdit(undefined)}
              />
            ) : null}
            <section className="card card-body section" aria-label="Built-in roles">
              <h2>Built-in roles</h2>
              <p className="muted">Fixed by the server; grant a custom role for anything else.</p>
              {builtIn.map((role) => (
                <details key={role.name} className="role-details">
                  <summary>
                    <strong>{role.name}</strong>{" "}
                    <span className="muted">{role.permissions.length} permissions</span>
                  </summary>
                  <PermissionGrid
                    label={`Permissions of ${role.name}`}
                    held={new Set(role.permissions)}
                  />
                </details>
              ))}
            </section>
          </div>
        );
      }}
    </QueryView>
  );
}

function RoleSummary({ role, onEdit }: { role: Role; onEdit?: () => void }) {
  return (
    <li className="role-summary">
      <strong>{role.name}</strong>
      <span className="role-permissions">
        {role.permissions.map((p) => (
          <span key={p} className="tag">
            {p}
          </span>
        ))}
      </span>
      {onEdit ? (
        <button
          type="button"
          className="button small"
          aria-label={`Edit ${role.name}`}
          onClick={onEdit}
        >
          Edit
        </button>
      ) : null}
    </li>
  );
}
