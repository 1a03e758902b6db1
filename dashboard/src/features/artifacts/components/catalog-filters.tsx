import { useEffect, useState } from "react";
import { useTagNames } from "@/features/artifacts/api/list-tags";
import type { CatalogSearch } from "@/features/artifacts/lib/catalog-search";

export interface CatalogFiltersProps {
  search: CatalogSearch;
  onChange: (next: CatalogSearch) => void;
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

/** Search by name, filter by type and tag; every change goes back to page one. */
export function CatalogFilters({ search, onChange }: CatalogFiltersProps) {
  const set = (patch: Partial<CatalogSearch>) => onChange({ ...search, ...patch, page: undefined });
  const [name, setName] = useDebounced(search.name ?? "", (value) =>
    set({ name: value.trim() || undefined }),
  );
  const [type, setType] = useDebounced(search.type ?? "", (value) =>
    set({ type: value.trim() || undefined }),
  );
  const tags = useTagNames();
  const names = tags.data ?? [];
  const options = search.tag && !names.includes(search.tag) ? [search.tag, ...names] : names;
  return (
    <section className="row" aria-label="Filter artifacts">
      <input
        className="input"
        type="search"
        aria-label="Search artifacts by name"
        placeholder="Search by name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        style={{ width: 220 }}
      />
      <input
        className="input"
        aria-label="Type"
        placeholder="Type, e.g. DataFrame"
        value={type}
        onChange={(e) => setType(e.target.value)}
        style={{ width: 180 }}
      />
      <select
        className="select"
        aria-label="Tag"
        value={search.tag ?? ""}
        onChange={(e) => set({ tag: e.target.value || undefined })}
      >
        <option value="">All tags</option>
        {options.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
    </section>
  );
}
