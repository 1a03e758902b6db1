import { type FormEvent, useState } from "react";
import { ErrorState } from "@/components/ui/states";
import { type AccessQuestion, useExplainAccess } from "@/features/settings/api/explain-access";

/** "Why can (or can't) USER do PERMISSION on RESOURCE?", answered by the server. */
export function AccessExplainer() {
  const [question, setQuestion] = useState<AccessQuestion | null>(null);
  const answer = useExplainAccess(question);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setQuestion({
      user: String(form.get("user") ?? ""),
      permission: String(form.get("permission") ?? ""),
      resource: String(form.get("resource") ?? "") || "server",
    });
  };
  return (
    <section className="card card-body section" aria-label="Explain access">
      <h2>Why can (or can't) they?</h2>
      <form className="row" onSubmit={onSubmit}>
        <input className="input" name="user" aria-label="User" placeholder="user" required />
        <input
          className="input"
          name="permission"
          aria-label="Permission"
          placeholder="run:read"
          required
        />
        <input
          className="input"
          name="resource"
          aria-label="Resource"
          placeholder="project, run:<id>, server"
        />
        <button type="submit" className="button primary">
          Explain
        </button>
      </form>
      {answer.isError ? <ErrorState error={answer.error} title="Cannot explain that" /> : null}
      {answer.data ? (
        <div className={`callout ${answer.data.allowed ? "cached" : "failed"}`} role="status">
          <strong>{answer.data.allowed ? "Allowed" : "Not allowed"}</strong>
          <div>{answer.data.summary}</div>
        </div>
      ) : null}
    </section>
  );
}
