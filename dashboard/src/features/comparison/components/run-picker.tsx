import { useState } from "react";
import { useRunSearch } from "@/features/comparison/api/search-runs";

export interface RunPickerProps {
  /** Ids (or names) already compared. */
  runIds: string[];
  onAdd: (runId: string) => void;
}

/** "Add a run": runs whose name holds the text, each added with one click. */
export function RunPicker({ runIds, onAdd }: RunPickerProps) {
  const [text, setText] = useState("");
  const [isOpen, setOpen] = useState(false);
  const results = useRunSearch(text, isOpen);
  const runs = results.data?.items ?? [];
  return (
    <div className="compare-picker">
      <input
        className="input"
        type="search"
        aria-label="Add a run"
        placeholder="Add a run by name…"
        value={text}
        onFocus={() => setOpen(true)}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
      />
      {isOpen ? (
        <div className="compare-picker-list" role="listbox" aria-label="Runs to add">
          {results.isError ? <div className="field-error">Could not search the runs.</div> : null}
          {runs.length === 0 && !results.isPending ? (
            <div className="faint compare-picker-empty">No run's name contains “{text}”.</div>
          ) : null}
          {runs.map((run) => {
            const isIn = runIds.includes(run.id) || runIds.includes(run.name);
            return (
              <button
                key={run.id}
                type="button"
                role="option"
                aria-selected={isIn}
                disabled={isIn}
                aria-label={`Add ${run.name}`}
                onClick={() => onAdd(run.id)}
              >
                <span>{run.name}</span>
                <span className="faint">{isIn ? "compared" : run.pipeline_name}</span>
              </button>
            );
          })}
          <button type="button" className="compare-link" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
