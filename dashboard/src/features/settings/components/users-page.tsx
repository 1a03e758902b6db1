import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { type Column, DataTable } from "@/components/ui/data-table";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useDeactivateUser } from "@/features/settings/api/deactivate-user";
import { useAccessHierarchy } from "@/features/settings/api/get-access-hierarchy";
import { useTeams } from "@/features/settings/api/list-teams";
import { useUserAccounts } from "@/features/settings/api/list-user-accounts";
import { useSetUserRole } from "@/features/settings/api/set-user-role";
import { AdminOnly } from "@/features/settings/components/admin-only";
import { CreateUserForm } from "@/features/settings/components/create-user-form";
import { ServerRoleSelect } from "@/features/settings/components/server-role-select";
import { rolesOfUser } from "@/features/settings/lib/held-roles";
import type { ServerRole, UserAccountInfo } from "@/features/settings/lib/types";
import { errorMessage } from "@/lib/api-client";
import { useCurrentUser } from "@/lib/current-user";
import { formatDateTime } from "@/lib/format";

export interface UsersPageProps {
  selected?: string;
  onSelect: (user: string | undefined) => void;
}

/** Server admins: who logs in, their server roles, new users and deactivation. */
export function UsersPage(props: UsersPageProps) {
  return (
    <AdminOnly what="users">
      <UsersDirectory {...props} />
    </AdminOnly>
  );
}

function UsersDirectory({ selected, onSelect }: UsersPageProps) {
  const accounts = useUserAccounts();
  const me = useCurrentUser();
  const setRole = useSetUserRole();
  const [deactivating, setDeactivating] = useState<string | null>(null);
  const columns: Column<UserAccountInfo>[] = [
    {
      key: "name",
      header: "Name",
      render: (u) => (
        <button type="button" className="name-link" onClick={() => onSelect(u.name)}>
          {u.name}
        </button>
      ),
    },
    {
      key: "role",
      header: "Server role",
      render: (u) =>
        u.name === me.data?.name || u.deactivated ? (
          <span className="tag">{u.role}</span>
        ) : (
          <ServerRoleSelect
            label={`Server role of ${u.name}`}
            value={u.role}
            disabled={setRole.isPending}
            onChange={(role: ServerRole) => setRole.mutate({ name: u.name, role })}
          />
        ),
    },
    { key: "created", header: "Created", render: (u) => formatDateTime(u.created) },
    {
      key: "status",
      header: "Status",
      render: (u) =>
        u.deactivated ? (
          <span className="muted">Deactivated {formatDateTime(u.deactivated)}</span>
        ) : (
          "Active"
        ),
    },
    {
      key: "actions",
      header: "",
      render: (u) =>
        u.deactivated || u.name === me.data?.name ? null : (
          <button
            type="button"
            className="button small danger"
            aria-label={`Deactivate ${u.name}`}
            onClick={() => setDeactivating(u.name)}
          >
            Deactivate
          </button>
        ),
    },
  ];
  return (
    <div className="section">
      <section className="card card-body section" aria-label="Users">
        <h2>Users</h2>
        <p className="muted">People who log in to this server with a password.</p>
        {setRole.isError ? <p className="field-error">{errorMessage(setRole.error)}</p> : null}
        <QueryView query={accounts} errorTitle="Could not load the users">
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title="Nobody logs in yet" />
            ) : (
              <DataTable label="Users" columns={columns} rows={page.items} rowKey={(u) => u.name} />
            )
          }
        </QueryView>
        <CreateUserForm />
      </section>
      {selected ? <UserDetail name={selected} onClose={() => onSelect(undefined)} /> : null}
      {deactivating ? (
        <DeactivateDialog name={deactivating} onDone={() => setDeactivating(null)} />
      ) : null}
    </div>
  );
}

function UserDetail({ name, onClose }: { name: string; onClose: () => void }) {
  const accounts = useUserAccounts();
  const account = accounts.data?.items.find((u) => u.name === name);
  const hierarchy = useAccessHierarchy();
  const teams = useTeams();
  const held = rolesOfUser(name, hierarchy.data ?? [], teams.data ?? []);
  const inTeams = (teams.data ?? []).filter((t) => t.members.includes(name)).map((t) => t.name);
  return (
    <section className="card card-body section" aria-label={`User ${name}`}>
      <div className="row">
        <h2>{name}</h2>
        <span className="spacer" />
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="kv">
        <dt>Server role</dt>
        <dd>{account ? <span className="tag">{account.role}</span> : "—"}</dd>
        <dt>Teams</dt>
        <dd>{inTeams.length ? inTeams.join(", ") : "None"}</dd>
      </dl>
      {held.length === 0 ? (
        <EmptyState title={`'${name}' holds no project role`}>
          Their server role applies in the default project.
        </EmptyState>
      ) : (
        <DataTable
          label={`Project roles of ${name}`}
          columns={[
            { key: "project", header: "Project", render: (h) => h.project },
            { key: "role", header: "Role", render: (h) => <span className="tag">{h.role}</span> },
            {
              key: "via",
              header: "Granted",
              render: (h) => (h.via ? `through team '${h.via}'` : "directly"),
            },
          ]}
          rows={held}
          rowKey={(h) => `${h.project}:${h.role}:${h.via ?? ""}`}
        />
      )}
    </section>
  );
}

function DeactivateDialog({ name, onDone }: { name: string; onDone: () => void }) {
  const deactivate = useDeactivateUser();
  return (
    <ConfirmDialog
      title={`Deactivate ${name}?`}
      confirmLabel="Deactivate"
      isBusy={deactivate.isPending}
      onCancel={onDone}
      onConfirm={() => deactivate.mutate(name, { onSuccess: onDone })}
    >
      <p>
        '{name}' can no longer log in, and every session of theirs ends now. Their project roles
        stay; setting a new password lets them back in.
      </p>
      {deactivate.isError ? <p className="field-error">{errorMessage(deactivate.error)}</p> : null}
    </ConfirmDialog>
  );
}
