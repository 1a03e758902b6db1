import { type FormEvent, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useAddTeamMember } from "@/features/settings/api/add-team-member";
import { useCreateTeam } from "@/features/settings/api/create-team";
import { useAccessHierarchy } from "@/features/settings/api/get-access-hierarchy";
import { useTeams } from "@/features/settings/api/list-teams";
import { useUsers } from "@/features/settings/api/list-users";
import { useRemoveTeamMember } from "@/features/settings/api/remove-team-member";
import { rolesOfTeam } from "@/features/settings/lib/held-roles";
import { mayManageDirectory } from "@/features/settings/lib/settings-sections";
import type { Team } from "@/features/settings/lib/types";
import { errorMessage } from "@/lib/api-client";
import { useCurrentUser } from "@/lib/current-user";

/** Teams with their members and the project roles they hold; admins change them. */
export function TeamsPage() {
  const teams = useTeams();
  const me = useCurrentUser();
  const mayManage = me.data ? mayManageDirectory(me.data.role) : false;
  return (
    <div className="section">
      <section className="card card-body section" aria-label="Teams">
        <h2>Teams</h2>
        <p className="muted">
          A role granted to a team holds for each of its members.
          {mayManage ? "" : " Only server admins change teams."}
        </p>
        <QueryView query={teams} errorTitle="Could not load the teams">
          {(list) =>
            list.length === 0 ? (
              <EmptyState title="No teams you can see">
                {mayManage ? "Create one below." : "Teams you are in appear here."}
              </EmptyState>
            ) : (
              <div className="team-list">
                {list.map((team) => (
                  <TeamCard key={team.id} team={team} mayManage={mayManage} />
                ))}
              </div>
            )
          }
        </QueryView>
      </section>
      {mayManage ? <CreateTeamForm /> : null}
    </div>
  );
}

function TeamCard({ team, mayManage }: { team: Team; mayManage: boolean }) {
  const hierarchy = useAccessHierarchy();
  const [removing, setRemoving] = useState<string | null>(null);
  const held = rolesOfTeam(team.name, hierarchy.data ?? []);
  return (
    <article className="team-card" aria-label={`Team ${team.name}`}>
      <h3>{team.name}</h3>
      <div className="team-members">
        <span className="muted">Members</span>
        {team.members.length === 0 ? <span className="muted">none yet</span> : null}
        {team.members.map((user) => (
          <span key={user} className="tag member-tag">
            {user}
            {mayManage ? (
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${user} from ${team.name}`}
                onClick={() => setRemoving(user)}
              >
                ×
              </button>
            ) : null}
          </span>
        ))}
      </div>
      <div className="team-members">
        <span className="muted">Roles</span>
        {held.length === 0 ? <span className="muted">no project role</span> : null}
        {held.map((h) => (
          <span key={h.project} className="tag">
            {h.project}: {h.role}
          </span>
        ))}
      </div>
      {mayManage ? <AddMemberForm team={team} /> : null}
      {removing ? (
        <RemoveDialog
          team={team}
          user={removing}
          held={held.length}
          onDone={() => setRemoving(null)}
        />
      ) : null}
    </article>
  );
}

function AddMemberForm({ team }: { team: Team }) {
  const users = useUsers();
  const add = useAddTeamMember();
  const listId = `team-users-${team.id}`;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const user = String(new FormData(target).get("user") ?? "").trim();
    add.mutate({ team: team.name, user }, { onSuccess: () => target.reset() });
  };
  const outside = (users.data?.items ?? []).filter((u) => !team.members.includes(u.name));
  return (
    <form className="row" onSubmit={onSubmit}>
      <input
        className="input"
        name="user"
        aria-label={`User to add to ${team.name}`}
        placeholder="user name"
        list={listId}
        required
      />
      <datalist id={listId}>
        {outside.map((u) => (
          <option key={u.id} value={u.name} />
        ))}
      </datalist>
      <button type="submit" className="button small" disabled={add.isPending}>
        Add member
      </button>
      {add.isError ? <span className="field-error">{errorMessage(add.error)}</span> : null}
    </form>
  );
}

interface RemoveDialogProps {
  team: Team;
  user: string;
  held: number;
  onDone: () => void;
}

function RemoveDialog({ team, user, held, onDone }: RemoveDialogProps) {
  const remove = useRemoveTeamMember();
  return (
    <ConfirmDialog
      title={`Remove ${user} from ${team.name}?`}
      confirmLabel="Remove"
      isBusy={remove.isPending}
      onCancel={onDone}
      onConfirm={() => remove.mutate({ team: team.name, user }, { onSuccess: onDone })}
    >
      <p>
        '{user}' loses the {held} project role{held === 1 ? "" : "s"} '{team.name}' holds, unless
        granted otherwise.
      </p>
      {remove.isError ? <p className="field-error">{errorMessage(remove.error)}</p> : null}
    </ConfirmDialog>
  );
}

function CreateTeamForm() {
  const create = useCreateTeam();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const members = String(form.get("members") ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean);
    create.mutate(
      { name: String(form.get("name") ?? "").trim(), members },
      { onSuccess: () => target.reset() },
    );
  };
  return (
    <form className="card card-body section" aria-label="Create a team" onSubmit={onSubmit}>
      <h2>Create a team</h2>
      <div className="row">
        <input
          className="input"
          name="name"
          aria-label="Team name"
          placeholder="team name"
          required
        />
        <input
          className="input grow"
          name="members"
          aria-label="Team members"
          placeholder="members, comma separated (existing users)"
        />
        <button type="submit" className="button primary" disabled={create.isPending}>
          Create team
        </button>
      </div>
      {create.isError ? <p className="field-error">{errorMessage(create.error)}</p> : null}
    </form>
  );
}
