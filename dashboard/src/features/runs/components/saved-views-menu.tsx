import { useState } from "react";
import { useDeleteView, useSavedViews, useSaveView } from "@/features/runs/api/saved-views";
import { searchOf, showsView, viewOf } from "@/features/runs/lib/run-columns";
import type { RunSearch } from "@/features/runs/lib/run-filters";
import { errorMessage } from "@/lib/api-client";

export interface SavedViewsMenuProps {
  search: RunSearch;
  onSearchChange: (next: RunSearch) => void;
}

/** Open a saved view of the runs list, save what is shown under a name, delete a view. */
export function SavedViewsMenu({ search, onSearchChange }: SavedViewsMenuProps) {
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [name, setName] = useState<string | null>(null);
  const shown = views.data?.find((view) => showsView(search, view));
  const problem = save.error ?? remove.error;
  // Without a project yet (no run recorded), there is nothing to save a view in.
  if (views.isError) return null;
  const submit = () => {
    const trimmed = name?.trim();
    if (!trimmed) return;
    save.mutate({ name: trimmed, view: viewOf(search) }, { onSuccess: () => setName(null) });
  };
  return (
    <section className="row" aria-label="Saved views">
      <select
        className="select"
        aria-label="Saved view"
        value={shown?.name ?? ""}
        onChange={(event) => {
          const view = views.data?.find((each) => each.name === event.target.value);
          onSearchChange(view ? searchOf(view) : {});
        }}
      >
        <option value="">{shown ? "All runs" : "Saved views…"}</option>
        {(views.data ?? []).map((view) => (
          <option key={view.id} value={view.name}>
            {view.owner_name ? `${view.name} (${view.owner_name})` : view.name}
          </option>
        ))}
      </select>
      {name === null ? (
        <button type="button" className="button small" onClick={() => setName(shown?.name ?? "")}>
          Save view
        </button>
      ) : (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <input
            className="input"
            aria-label="View name"
            placeholder="View name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            style={{ width: 150 }}
          />
          <button
            type="submit"
            className="button small primary"
            disabled={!name.trim() || save.isPending}
          >
            Save
          </button>
          <button type="button" className="button small" onClick={() => setName(null)}>
            Cancel
          </button>
        </form>
      )}
      {shown ? (
        <button
          type="button"
          className="button small"
          disabled={remove.isPending}
          onClick={() => remove.mutate(shown.name)}
        >
          Delete view
        </button>
      ) : null}
      {problem ? (
        <span className="field-error" role="alert">
          {errorMessage(problem)}
        </span>
      ) : null}
    </section>
  );
}
