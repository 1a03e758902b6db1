/** The model page's URL state: the versions table's page, sort, stage and metadata columns. */
import type { ModelStage } from "@/features/models/lib/model-types";

const STAGE_FILTERS: ModelStage[] = ["production", "staging", "archived", "none"];

export const VERSION_SORTS = [
  "-number",
  "number",
  "-created",
  "created",
  "stage",
  "-stage",
] as const;
export type VersionSort = (typeof VERSION_SORTS)[number];

export interface ModelPageSearch {
  page?: number;
  /** Newest number first when absent. */
  sort?: VersionSort;
  /** Metadata keys shown as columns, comma separated; the key metrics when absent. */
  columns?: string;
  /** Only the versions in this stage; every version when absent. */
  stage?: ModelStage;
  /** The stage timeline's spacing; one slot per change when absent. */
  spacing?: "time";
}

/** `?page=2&sort=created&columns=accuracy,loss`, dropping what it does not know. */
export function parseModelPageSearch(raw: Record<string, unknown>): ModelPageSearch {
  const search: ModelPageSearch = {};
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1) search.page = page;
  const sort = VERSION_SORTS.find((s) => s === raw.sort);
  if (sort) search.sort = sort;
  if (typeof raw.columns === "string") search.columns = raw.columns;
  if (raw.spacing === "time") search.spacing = "time";
  const stage = STAGE_FILTERS.find((s) => s === raw.stage);
  if (stage) search.stage = stage;
  return search;
}

/** The server's `sort_by` for a versions sort. */
export function versionSortBy(sort: VersionSort | undefined): string {
  const chosen = sort ?? "-number";
  return chosen.startsWith("-") ? `desc:${chosen.slice(1)}` : `asc:${chosen}`;
}

/** The versions sort a table header asks for. */
export function toVersionSort(key: string, descending: boolean): VersionSort {
  const wanted = `${descending ? "-" : ""}${key}`;
  return VERSION_SORTS.find((sort) => sort === wanted) ?? "-number";
}

/** The metadata columns to show: the URL's, else the first `fallbackCount` key metrics. */
export function chosenColumns(search: ModelPageSearch, metrics: string[], fallbackCount = 3) {
  if (search.columns !== undefined) return search.columns.split(",").filter(Boolean);
  return metrics.slice(0, fallbackCount);
}
