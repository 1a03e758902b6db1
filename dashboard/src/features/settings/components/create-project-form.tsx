import type { FormEvent } from "react";
import { useCreateProject } from "@/features/settings/api/create-project";
import { errorMessage } from "@/lib/api-client";
import { mayWrite, useCurrentUser } from "@/lib/current-user";

export interface CreateProjectFormProps {
  onCreated: (name: string) => void;
}

/** "Create project", for server members and admins (viewers may not): its creator
 * becomes its admin. */
export function CreateProjectForm({ onCreated }: CreateProjectFormProps) {
  const me = useCurrentUser();
  const create = useCreateProject();
  if (!me.data || !mayWrite(me.data.role)) return null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const name = String(new FormData(target).get("name") ?? "").trim();
    create.mutate(name, {
      onSuccess: (made) => {
        target.reset();
        onCreated(made.name);
      },
    });
  };
  return (
    <form className="card card-body section" aria-label="Create a project" onSubmit={onSubmit}>
      <h2>Create a project</h2>
      <div className="row">
        <input
          className="input"
          name="name"
          aria-label="Project name"
          placeholder="project name"
          pattern="[A-Za-z0-9][A-Za-z0-9_.\-]*"
          required
        />
        <button type="submit" className="button primary" disabled={create.isPending}>
          Create project
        </button>
        <span className="muted">You become its admin.</span>
      </div>
      {create.isError ? <p className="field-error">{errorMessage(create.error)}</p> : null}
    </form>
  );
}
