import { useRouter } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useCreateSession } from "@/features/session/api/create-session";
import { errorMessage } from "@/lib/api-client";
import { safeNextPath } from "@/lib/session";

export interface LoginFormProps {
  /** Where to go once logged in (checked: only paths of this app). */
  next: string | undefined;
}

/** Username and password; on success, back to the page that asked for a login. */
export function LoginForm({ next }: LoginFormProps) {
  const router = useRouter();
  const login = useCreateSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate(
      { username, password },
      { onSuccess: () => router.history.push(safeNextPath(next)) },
    );
  };

  return (
    <form className="login-form" onSubmit={submit} aria-label="Log in">
      <label className="login-field">
        <span>Username</span>
        <input
          className="input"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
      </label>
      <label className="login-field">
        <span>Password</span>
        <input
          className="input"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={login.isError}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      {login.isError ? (
        <div className="callout failed" role="alert">
          {errorMessage(login.error)}
        </div>
      ) : null}
      <button type="submit" className="button primary" disabled={login.isPending}>
        {login.isPending ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}
