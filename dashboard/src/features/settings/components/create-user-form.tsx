import { type FormEvent, useState } from "react";
import { useCreateActivationLink } from "@/features/settings/api/create-activation-link";
import { useCreateUser } from "@/features/settings/api/create-user";
import { ActivationLinkShownOnce } from "@/features/settings/components/activation-link-shown-once";
import { ServerRoleSelect } from "@/features/settings/components/server-role-select";
import type { ServerRole } from "@/features/settings/lib/types";
import { errorMessage } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";

type Start = "password" | "link";

interface ShownLink {
  name: string;
  url: string;
  expires: string;
}

/** A new user, with an initial password or a one-time activation link shown once. */
export function CreateUserForm() {
  const create = useCreateUser();
  const createLink = useCreateActivationLink();
  const [start, setStart] = useState<Start>("password");
  // The link of a user just made, held in memory only until dismissed.
  const [shown, setShown] = useState<ShownLink | null>(null);
  const failed = start === "password" ? create : createLink;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const name = String(form.get("name") ?? "").trim();
    const role = String(form.get("role")) as ServerRole;
    if (start === "password") {
      const password = String(form.get("password") ?? "");
      create.mutate({ name, password, role }, { onSuccess: () => target.reset() });
      return;
    }
    createLink.mutate(
      { name, role, expires_in_hours: Number(form.get("hours") ?? 72) },
      {
        onSuccess: (made) => {
          target.reset();
          const url = new URL(made.path, window.location.origin).toString();
          setShown({ name: made.name, url, expires: formatDateTime(made.expires) });
        },
      },
    );
  };
  return (
    <form className="section" aria-label="Create a user" onSubmit={onSubmit}>
      <h3>Create a user</h3>
      <fieldset className="row plain-fieldset">
        <legend className="visually-hidden">How they get their password</legend>
        <label className="row">
          <input
            type="radio"
            name="start"
            checked={start === "password"}
            onChange={() => setStart("password")}
          />
          With a password
        </label>
        <label className="row">
          <input
            type="radio"
            name="start"
            checked={start === "link"}
            onChange={() => setStart("link")}
          />
          With a one-time activation link
        </label>
      </fieldset>
      <div className="row">
        <input
          className="input"
          name="name"
          aria-label="New user's name"
          placeholder="name"
          required
        />
        {start === "password" ? (
          <input
            className="input"
            name="password"
            type="password"
            aria-label="Initial password"
            placeholder="initial password"
            title="At least 8 characters"
            minLength={8}
            autoComplete="new-password"
            required
          />
        ) : (
          <select className="input" name="hours" aria-label="Link valid for" defaultValue="72">
            <option value="24">valid 1 day</option>
            <option value="72">valid 3 days</option>
            <option value="168">valid 7 days</option>
          </select>
        )}
        <ServerRoleSelect label="New user's server role" name="role" />
        <button type="submit" className="button primary" disabled={failed.isPending}>
          {start === "password" ? "Create user" : "Create user and link"}
        </button>
      </div>
      <p className="muted">
        {start === "password"
          ? "Give them the password yourself; they keep it until they or an admin change it."
          : "They open the link and choose their own password; nobody else ever knows it."}
      </p>
      {failed.isError ? <p className="field-error">{errorMessage(failed.error)}</p> : null}
      {start === "password" && create.isSuccess ? (
        <p role="status">Created '{create.data.name}'.</p>
      ) : null}
      {shown ? <ActivationLinkShownOnce {...shown} onDismiss={() => setShown(null)} /> : null}
    </form>
  );
}
