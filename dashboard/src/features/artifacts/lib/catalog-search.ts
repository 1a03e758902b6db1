/** The artifact catalog's view state: read from the URL, written to it, sent to the API. */
import type { operations } from "@/api/schema.gen";

export const CATALOG_SORT_FIELDS = ["created", "name", "size"] as const;
export type CatalogSortField = (typeof CATALOG_SORT_FIELDS)[number];
export const CATALOG_PAGE_SIZE = 25;

export interface CatalogSearch {
  /** Part of the artifact's name. */
  name?: string;
  /** Part of a version's data type, e.g. `DataFrame`. */
  type?: string;
  tag?: string;
  sort?: CatalogSortField;
  /** Ascending when false; newest (or Z first) by default. */
  desc?: boolean;
  page?: number;
}

/** The query parameters of `GET /artifacts`, as the schema has them. */
export type CatalogQuery = NonNullable<operations["list_artifacts"]["parameters"]["query"]>;

function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Keep only what is valid, so a hand-edited URL never breaks the page. */
export function parseCatalogSearch(raw: Record<string, unknown>): CatalogSearch {
  const page = Number(raw.page);
  const search: CatalogSearch = {
    name: text(raw.name),
    type: text(raw.type),
    tag: text(raw.tag),
    sort: CATALOG_SORT_FIELDS.find((field) => field === raw.sort),
    desc: raw.desc === false || raw.desc === "false" ? false : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined),
  ) as CatalogSearch;
}

/** The API's query parameters for a catalog view: names and types match by "contains". */
export function toCatalogQuery(search: CatalogSearch): CatalogQuery {
  const query: CatalogQuery = {
    sort_by: `${search.desc === false ? "asc" : "desc"}:${search.sort ?? "created"}`,
    page: search.page ?? 1,
    size: CATALOG_PAGE_SIZE,
  };
  if (search.name) query.name = `contains:${search.name}`;
  if (search.type) query.data_type = `contains:${search.type}`;
  if (search.tag) query.tag = search.tag;
  return query;
}

/** True when any filter narrows the catalog (for the empty state's wording). */
export function hasCatalogFilters(search: CatalogSearch): boolean {
  return Boolean(search.name || search.type || search.tag);
}
