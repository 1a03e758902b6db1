import { useEffect, useState } from "react";
import type { ExecutionStatus } from "@/api/types";
import { useUsers } from "@/features/runs/api/list-users";
import type { RunSearch } from "@/features/runs/lib/run-filters";
import { STATUS_STYLES, STATUSES } from "@/lib/status";

export interface RunFiltersBarProps {
  search: RunSearch;
  onChange: (next: RunSearch) => void;
  showPipeline?: boolean;
  /** The server's message when it could not read the metadata filter. */
  filterError?: string;
}

/** A text field that reports its value after the user pauses typing. */
function useDebounced(value: string, onSettle: (value: string) => void) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => onSettle(draft), 350);
    return () => clearTimeout(timer);
  }, [draft, value, onSettle]);
  return [draft, setDraft] as const;
}

function UserSelect({ value, onChange }: { value?: string; onChange: (user?: string) => void }) {
  const users = useUsers();
  const names = users.data?.items.map((user) => user.name) ?? [];
  // A user typed into the URL stays selectable even before (or without) the list.
  const options = value && !names.includes(value) ? [value, ...names] : names;
  return (
    <select
      className="select"
      aria-label="User"
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">All users</option>
      {options.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}

/** Status chips, pipeline, user, tag, metadata and date range: every change lands in the URL. */
export function RunFiltersBar({
  search,
  onChange,
  showPipeline = true,
  filterError,
}: RunFiltersBarProps) {
  const set = (patch: Partial<RunSearch>) => onChange({ ...search, ...patch, page: undefined });
  const [pipeline, setPipeline] = useDebounced(search.pipeline ?? "", (v) =>
    set({ pipeline: v || undefined }),
  );
  const [tag, setTag] = useDebounced(search.tag ?? "", (v) => set({ tag: v || undefined }));
  const [metadata, setMetadata] = useDebounced(search.metadata ?? "", (v) =>
    set({ metadata: v.trim() || undefined }),
  );
  // Only an error about the text now in the box: one typed since is not checked yet.
  const problem = metadata.trim() === (search.metadata ?? "") ? filterError : undefined;
  const toggle = (status: ExecutionStatus) => {
    const current = search.status ?? [];
    const next = current.includes(status)
      ? current.filter((s) => s !== status)
      : [...current, status];
    set({ status: next.length ? next : undefined });
  };
  return (
    <section className="row" aria-label="Filter runs">
      <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }} aria-label="Status">
        {STATUSES.map((status) => {
          const pressed = search.status?.includes(status) ?? false;
          const style = STATUS_STYLES[status];
          return (
            <button
              key={status}
              type="button"
              className="button small"
              aria-pressed={pressed}
              onClick={() => toggle(status)}
              style={
                pressed
                  ? { background: style.background, borderColor: style.colour, color: style.colour }
                  : undefined
              }
            >
              <span
                className="dot"
                style={{ width: 8, height: 8, borderRadius: "50%", background: style.colour }}
              />
              {style.label}
            </button>
          );
        })}
      </fieldset>
      {showPipeline ? (
        <input
          className="input"
          aria-label="Pipeline name"
          placeholder="Pipeline"
          value={pipeline}
          onChange={(e) => setPipeline(e.target.value)}
          style={{ width: 150 }}
        />
      ) : null}
      <UserSelect value={search.user} onChange={(user) => set({ user })} />
      <input
        className="input"
        aria-label="Tag"
        placeholder="Tag"
        value={tag}
        onChange={(e) => setTag(e.target.value)}
        style={{ width: 110 }}
      />
      <input
        className="input"
        aria-label="Metadata"
        placeholder="Metadata: accuracy > 0.9"
        title='Metadata filter: accuracy >= 0.9 and (optimizer == "adam" or exists(step:loss)); operators > >= < <= == != ~ (contains) in [..], joined by and, or, not'
        value={metadata}
        onChange={(e) => setMetadata(e.target.value)}
        aria-invalid={problem !== undefined}
        aria-describedby={problem !== undefined ? "metadata-filter-problem" : undefined}
        style={{ width: 220 }}
      />
      {problem !== undefined ? (
        <span id="metadata-filter-problem" className="field-error">
          {problem}
        </span>
      ) : null}
      <label className="row muted">
        From
        <input
          className="input"
          type="date"
          value={search.from ?? ""}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
      </label>
      <label className="row muted">
        To
        <input
          className="input"
          type="date"
          value={search.to ?? ""}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
      </label>
    </section>
  );
}
