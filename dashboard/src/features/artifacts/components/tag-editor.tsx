import { type FormEvent, useState } from "react";
import type { TagTarget } from "@/api/types";
import { useChangeTags } from "@/features/artifacts/api/change-tags";
import { errorMessage } from "@/lib/api-client";
import { mayWrite, useCurrentUser } from "@/lib/current-user";

export interface TagEditorProps {
  target: TagTarget;
  targetId: string;
  /** The artifact the target belongs to (whose views refetch after a change). */
  artifactId: string;
  tags: readonly string[];
  /** What is tagged, for labels: "artifact model", "version 3". */
  label: string;
}

/** Tags as chips; members and admins add and remove them, viewers only read them. */
export function TagEditor({ target, targetId, artifactId, tags, label }: TagEditorProps) {
  const user = useCurrentUser();
  // While the role is unknown editing shows; the server refuses a viewer with a 403.
  const canEdit = !user.data || mayWrite(user.data.role);
  const change = useChangeTags(target, targetId, artifactId);
  const [draft, setDraft] = useState("");
  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (!name) return;
    change.mutate({ action: "attach", names: [name] }, { onSuccess: () => setDraft("") });
  };
  return (
    <fieldset
      className="row"
      aria-label={`Tags of ${label}`}
      style={{ border: 0, padding: 0, margin: 0 }}
    >
      <span className="muted">Tags</span>
      {tags.length === 0 && !canEdit ? <span className="faint">none</span> : null}
      {tags.map((tag) => (
        <span key={tag} className="tag row" style={{ gap: 4 }}>
          {tag}
          {canEdit ? (
            <button
              type="button"
              className="link-button"
              aria-label={`Remove tag ${tag}`}
              disabled={change.isPending}
              onClick={() => change.mutate({ action: "detach", names: [tag] })}
            >
              ×
            </button>
          ) : null}
        </span>
      ))}
      {canEdit ? (
        <form className="row" onSubmit={add}>
          <input
            className="input"
            aria-label={`New tag for ${label}`}
            placeholder="Add a tag"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            style={{ width: 120, height: 26 }}
          />
          <button
            type="submit"
            className="button small"
            disabled={change.isPending || !draft.trim()}
          >
            Add tag
          </button>
        </form>
      ) : null}
      {change.isError ? (
        <span className="field-error" role="alert">
          {errorMessage(change.error)}
        </span>
      ) : null}
    </fieldset>
  );
}
