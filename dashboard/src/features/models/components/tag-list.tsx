import { useState } from "react";
import { useEditModelTag } from "@/features/models/api/update-model-tags";
import { errorMessage } from "@/lib/api-client";
import "@/features/models/components/models.css";

export interface TagListProps {
  tags: readonly string[];
  /** Given when the caller may edit the model's tags. */
  modelId?: string;
}

/** A model's tags; with `modelId`, each can be removed and new ones added. */
export function TagList({ tags, modelId }: TagListProps) {
  const edit = useEditModelTag();
  const [draft, setDraft] = useState("");
  const add = () => {
    const name = draft.trim();
    if (!modelId || !name) return;
    edit.mutate({ modelId, name, isAdded: true }, { onSuccess: () => setDraft("") });
  };
  return (
    <span className="tag-list">
      {tags.length === 0 && !modelId ? <span className="faint">No tags</span> : null}
      {tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
          {modelId ? (
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${tag}`}
              disabled={edit.isPending}
              onClick={() => edit.mutate({ modelId, name: tag, isAdded: false })}
            >
              ×
            </button>
          ) : null}
        </span>
      ))}
      {modelId ? (
        <input
          className="input tag-add"
          aria-label="Add a tag"
          placeholder="Add a tag…"
          value={draft}
          disabled={edit.isPending}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") add();
          }}
        />
      ) : null}
      {edit.isError ? (
        <span role="alert" className="field-error">
          {errorMessage(edit.error)}
        </span>
      ) : null}
    </span>
  );
}
