import { type FormEvent, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { type Column, DataTable } from "@/components/ui/data-table";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useMayInProject } from "@/features/settings/api/get-my-project-permissions";
import { useGrantProjectRole } from "@/features/settings/api/grant-project-role";
import { useProjectMembers } from "@/features/settings/api/list-project-members";
import { useRoles } from "@/features/settings/api/list-roles";
import { useTeams } from "@/features/settings/api/list-teams";
import { useUsers } from "@/features/settings/api/list-users";
import { useRevokeProjectRole } from "@/features/settings/api/revoke-project-role";
import type { PrincipalKind, ProjectMember } from "@/features/settings/lib/types";
import { errorMessage } from "@/lib/api-client";

export interface MembersPageProps {
  project: string;
}

const KIND_LABELS: Record<PrincipalKind, string> = { user: "User", team: "Team" };

/** The users and teams holding a role in the chosen project; grant, change, revoke. */
export function MembersPage({ project }: MembersPageProps) {
  const members = useProjectMembers(project);
  const mayManage = useMayInProject("member:manage", project);
  const [revoking, setRevoking] = useState<ProjectMember | null>(null);
  return (
    <section className="card card-body section" aria-label="Members">
      <h2>Members of {project}</h2>
      <p className="muted">
        Roles granted in this project, to users and to teams. Choose another project in the header.
      </p>
      <QueryView query={members} errorTitle="Could not load the members">
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="Nobody holds a role here yet">
              Server roles apply until a role is granted.
            </EmptyState>
          ) : (
            <MembersTable
              project={project}
              rows={rows}
              mayManage={mayManage}
              onRevoke={setRevoking}
            />
          )
        }
      </QueryView>
      {mayManage ? <GrantForm project={project} /> : null}
      {revoking ? (
        <RevokeDialog project={project} member={revoking} onDone={() => setRevoking(null)} />
      ) : null}
    </section>
  );
}

interface MembersTableProps {
  project: string;
  rows: ProjectMember[];
  mayManage: boolean;
  onRevoke: (member: ProjectMember) => void;
}

function MembersTable({ project, rows, mayManage, onRevoke }: MembersTableProps) {
  const columns: Column<ProjectMember>[] = [
    { key: "kind", header: "Kind", render: (m) => KIND_LABELS[m.kind] },
    { key: "name", header: "Name", render: (m) => <strong>{m.principal_name}</strong> },
    {
      key: "role",
      header: "Role",
      render: (m) =>
        mayManage ? (
          <RoleChoice project={project} member={m} />
        ) : (
          <span className="tag">{m.role}</span>
        ),
    },
  ];
  if (mayManage) {
    columns.push({
      key: "actions",
      header: "",
      render: (m) => (
        <button
          type="button"
          className="button small danger"
          aria-label={`Revoke ${m.principal_name}'s role`}
          onClick={() => onRevoke(m)}
        >
          Revoke
        </button>
      ),
    });
  }
  return (
    <DataTable
      label="Project members"
      columns={columns}
      rows={rows}
      rowKey={(m) => `${m.kind}:${m.principal_name}`}
    />
  );
}

function RoleChoice({ project, member }: { project: string; member: ProjectMember }) {
  const roles = useRoles();
  const grant = useGrantProjectRole(project);
  return (
    <span className="row">
      <select
        className="select"
        aria-label={`Role of ${member.principal_name}`}
        value={member.role}
        disabled={grant.isPending}
        onChange={(event) =>
          grant.mutate({ kind: member.kind, name: member.principal_name, role: event.target.value })
        }
      >
        {(roles.data ?? [{ name: member.role }]).map((r) => (
          <option key={r.name} value={r.name}>
            {r.name}
          </option>
        ))}
      </select>
      {grant.isError ? <span className="field-error">{grant.error.message}</span> : null}
    </span>
  );
}

function GrantForm({ project }: { project: string }) {
  const roles = useRoles();
  const users = useUsers();
  const teams = useTeams();
  const grant = useGrantProjectRole(project);
  const [kind, setKind] = useState<PrincipalKind>("user");
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    grant.mutate(
      { kind, name: String(form.get("name") ?? "").trim(), role: String(form.get("role")) },
      { onSuccess: () => target.reset() },
    );
  };
  const names =
    kind === "user"
      ? (users.data?.items ?? []).map((u) => u.name)
      : (teams.data ?? []).map((t) => t.name);
  return (
    <form className="section" aria-label="Grant a role" onSubmit={onSubmit}>
      <h3>Grant a role</h3>
      <p className="muted">
        Invite an existing server user or a team: they get the role in '{project}'.
      </p>
      <div className="row">
        <select
          className="select"
          aria-label="Member kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as PrincipalKind)}
        >
          <option value="user">User</option>
          <option value="team">Team</option>
        </select>
        <input
          className="input"
          name="name"
          aria-label="Member name"
          placeholder={kind === "user" ? "user name" : "team name"}
          list="member-names"
          required
        />
        <datalist id="member-names">
          {names.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <select className="select" name="role" aria-label="Role to grant" required>
          {(roles.data ?? []).map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
              {r.is_built_in ? "" : " (custom)"}
            </option>
          ))}
        </select>
        <button type="submit" className="button primary" disabled={grant.isPending}>
          Grant
        </button>
      </div>
      {grant.isError ? <p className="field-error">{errorMessage(grant.error)}</p> : null}
    </form>
  );
}

interface RevokeDialogProps {
  project: string;
  member: ProjectMember;
  onDone: () => void;
}

function RevokeDialog({ project, member, onDone }: RevokeDialogProps) {
  const revoke = useRevokeProjectRole(project);
  const teams = useTeams();
  const team = teams.data?.find((t) => t.name === member.principal_name);
  const who =
    member.kind === "team"
      ? `Team '${member.principal_name}' (${team?.members.join(", ") || "no members"})`
      : `'${member.principal_name}'`;
  return (
    <ConfirmDialog
      title={`Revoke ${member.principal_name}'s role?`}
      confirmLabel="Revoke"
      isBusy={revoke.isPending}
      onCancel={onDone}
      onConfirm={() =>
        revoke.mutate({ kind: member.kind, name: member.principal_name }, { onSuccess: onDone })
      }
    >
      <p>
        {who} loses the role '{member.role}' in '{project}': what it allowed there ends now, unless
        another grant or their server role gives it.
      </p>
      {revoke.isError ? <p className="field-error">{errorMessage(revoke.error)}</p> : null}
    </ConfirmDialog>
  );
}
