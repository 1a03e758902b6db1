/** The runs list's metadata columns and saved views: pure changes to its URL search. */
import type { SavedView, SavedViewSave } from "@/api/types";
import {
  METADATA_SORT_PREFIX,
  parseRunSearch,
  type RunSearch,
} from "@/features/runs/lib/run-filters";

/** The search with `key` shown as the last column (already shown: unchanged). */
export function withColumn(search: RunSearch, key: string): RunSearch {
  const trimmed = key.trim();
  const columns = search.columns ?? [];
  if (!trimmed || columns.includes(trimmed)) return search;
  return { ...search, columns: [...columns, trimmed] };
}

/** The search without the column `key`; a sort by it goes back to the default. */
export function withoutColumn(search: RunSearch, key: string): RunSearch {
  const columns = (search.columns ?? []).filter((column) => column !== key);
  const next: RunSearch = { ...search, columns: columns.length ? columns : undefined };
  if (search.sort === `${METADATA_SORT_PREFIX}${key}`) {
    next.sort = undefined;
    next.desc = undefined;
  }
  return next;
}

/** What a view saves of the search: its columns, and every filter and the sort as text. */
export function viewOf(search: RunSearch): SavedViewSave {
  const { columns, page: _page, ...rest } = search;
  const text: Record<string, string> = {};
  // In name order, so two views of the same list compare equal.
  for (const [name, value] of Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === undefined) continue;
    text[name] = Array.isArray(value) ? value.join(",") : String(value);
  }
  return { columns: columns ?? [], search: text };
}

/** The runs list's search that opens a saved view (read as a URL is, so never broken). */
export function searchOf(view: Pick<SavedView, "columns" | "search">): RunSearch {
  return parseRunSearch({ ...view.search, columns: view.columns });
}

/** Whether the list shows exactly what the view saved (its page aside). */
export function showsView(search: RunSearch, view: SavedView): boolean {
  const shown = viewOf(search);
  const saved = viewOf(searchOf(view));
  return JSON.stringify(shown) === JSON.stringify(saved);
}
