import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useActivateUser } from "@/features/session/api/activate-user";
import { useActivationLink } from "@/features/session/api/check-activation-link";
import { errorMessage } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";

export interface ActivationFormProps {
  token: string;
}

/** A new user's first password, set through their one-time link; dead links say why. */
export function ActivationForm({ token }: ActivationFormProps) {
  const link = useActivationLink(token);
  const activate = useActivateUser();
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const isMismatch = repeated.length > 0 && repeated !== password;

  if (!token) {
    return <DeadLink message="This page needs the whole activation link, with its token." />;
  }
  if (link.isPending) return <p className="muted">Checking the link…</p>;
  if (link.isError) return <DeadLink message={errorMessage(link.error)} />;
  if (activate.isSuccess) {
    return (
      <div className="callout cached" role="status">
        Your password is set, '{activate.data.name}'. <Link to="/login">Log in</Link>
      </div>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isMismatch) activate.mutate({ token, password });
  };
  return (
    <form className="login-form" onSubmit={submit} aria-label="Set your password">
      <p className="muted">
        Choose a password for <strong>{link.data.name}</strong>. This link works once, until{" "}
        {formatDateTime(link.data.expires)}.
      </p>
      <label className="login-field">
        <span>New password</span>
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <label className="login-field">
        <span>Repeat the password</span>
        <input
          className="input"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={isMismatch}
          value={repeated}
          onChange={(event) => setRepeated(event.target.value)}
        />
      </label>
      {isMismatch ? <span className="field-error">The two passwords differ.</span> : null}
      {activate.isError ? (
        <div className="callout failed" role="alert">
          {errorMessage(activate.error)}
        </div>
      ) : null}
      <button type="submit" className="button primary" disabled={activate.isPending || isMismatch}>
        {activate.isPending ? "Setting…" : "Set password"}
      </button>
    </form>
  );
}

function DeadLink({ message }: { message: string }) {
  return (
    <div className="callout failed" role="alert" aria-label="Activation link">
      <strong>This link cannot set a password.</strong>
      <div>{message}</div>
      <Link to="/login">Go to the login page</Link>
    </div>
  );
}
