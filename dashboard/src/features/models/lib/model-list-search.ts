/** The models list's URL state: a name search and a sort. */

export const MODEL_SORTS = ["name", "-name", "created", "-created"] as const;
export type ModelSort = (typeof MODEL_SORTS)[number];

export interface ModelListSearch {
  /** Part of a model's name. */
  q?: string;
  /** A field, `-` first for newest or Z first; by name when absent. */
  sort?: ModelSort;
}

/** `?q=iris&sort=-created`, dropping what it does not know. */
export function parseModelListSearch(raw: Record<string, unknown>): ModelListSearch {
  const search: ModelListSearch = {};
  if (typeof raw.q === "string" && raw.q.trim()) search.q = raw.q.trim();
  const sort = MODEL_SORTS.find((s) => s === raw.sort);
  if (sort) search.sort = sort;
  return search;
}

/** The server's `sort_by` for a list sort. */
export function modelSortBy(sort: ModelSort | undefined): string {
  const chosen = sort ?? "name";
  return chosen.startsWith("-") ? `desc:${chosen.slice(1)}` : `asc:${chosen}`;
}

/** The list sort a table header asks for (by name when it names no known field). */
export function toModelSort(key: string, descending: boolean): ModelSort {
  const wanted = `${descending ? "-" : ""}${key}`;
  return MODEL_SORTS.find((sort) => sort === wanted) ?? "name";
}
