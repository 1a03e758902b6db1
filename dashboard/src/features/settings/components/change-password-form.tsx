import { type FormEvent, useState } from "react";
import { useChangeMyPassword } from "@/features/settings/api/change-my-password";
import { errorMessage } from "@/lib/api-client";

/** The caller's new password, with the current one and a confirmation. */
export function ChangePasswordForm() {
  const change = useChangeMyPassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeated, setRepeated] = useState("");
  const isMismatch = repeated.length > 0 && repeated !== next;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isMismatch) return;
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
          setRepeated("");
        },
      },
    );
  };
  return (
    <form className="section" aria-label="Change your password" onSubmit={submit}>
      <h3>Change password</h3>
      <div className="row">
        <input
          className="input"
          type="password"
          aria-label="Current password"
          placeholder="current password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <input
          className="input"
          type="password"
          aria-label="New password"
          placeholder="new password"
          title="At least 8 characters"
          autoComplete="new-password"
          minLength={8}
          required
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
        <input
          className="input"
          type="password"
          aria-label="Repeat the new password"
          placeholder="repeat it"
          autoComplete="new-password"
          required
          aria-invalid={isMismatch}
          value={repeated}
          onChange={(event) => setRepeated(event.target.value)}
        />
        <button type="submit" className="button primary" disabled={change.isPending || isMismatch}>
          Change password
        </button>
      </div>
      <p className="muted">
        Every other session and access token of yours ends; this browser stays logged in. API keys
        keep working: revoke them below.
      </p>
      {isMismatch ? <p className="field-error">The two new passwords differ.</p> : null}
      {change.isError ? <p className="field-error">{errorMessage(change.error)}</p> : null}
      {change.isSuccess ? (
        <p role="status">Password changed. Your other sessions have ended.</p>
      ) : null}
    </form>
  );
}
