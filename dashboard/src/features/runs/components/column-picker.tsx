import { useState } from "react";
import { useRunMetadataKeys } from "@/features/runs/api/list-run-metadata-keys";
import { withColumn, withoutColumn } from "@/features/runs/lib/run-columns";
import type { RunSearch } from "@/features/runs/lib/run-filters";

export interface ColumnPickerProps {
  search: RunSearch;
  onSearchChange: (next: RunSearch) => void;
}

/** Metadata keys shown as columns: each removable, and a field to add any run key. */
export function ColumnPicker({ search, onSearchChange }: ColumnPickerProps) {
  const [draft, setDraft] = useState("");
  const [isOpen, setOpen] = useState(false);
  // The catalog is read only once someone starts to add a column.
  const keys = useRunMetadataKeys(isOpen);
  const columns = search.columns ?? [];
  const add = () => {
    if (!draft.trim()) return;
    onSearchChange(withColumn(search, draft));
    setDraft("");
  };
  return (
    <section className="row" aria-label="Metadata columns">
      {columns.map((key) => (
        <span key={key} className="tag row">
          {key}
          <button
            type="button"
            className="link-button"
            aria-label={`Remove column ${key}`}
            onClick={() => onSearchChange(withoutColumn(search, key))}
          >
            ×
          </button>
        </span>
      ))}
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <input
          className="input"
          aria-label="Metadata key to add as a column"
          placeholder="Add a metadata column"
          list="run-metadata-keys"
          value={draft}
          onFocus={() => setOpen(true)}
          onChange={(event) => setDraft(event.target.value)}
          style={{ width: 190 }}
        />
        <datalist id="run-metadata-keys">
          {(keys.data ?? [])
            .filter((key) => !columns.includes(key))
            .map((key) => (
              <option key={key} value={key} />
            ))}
        </datalist>
        <button type="submit" className="button small" disabled={!draft.trim()}>
          Add column
        </button>
      </form>
    </section>
  );
}
