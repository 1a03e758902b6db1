/** The runs list's view state: read from the URL, written to the URL, sent to the API. */
import type { operations } from "@/api/schema.gen";
import type { ExecutionStatus } from "@/api/types";
import { isStatus } from "@/lib/status";

export const RUN_SORT_FIELDS = ["created", "name", "status", "pipeline_name"] as const;
/** A metadata column sorts by `metadata.<key>`, which the server orders by. */
export const METADATA_SORT_PREFIX = "metadata.";
export type RunSortField = (typeof RUN_SORT_FIELDS)[number] | `metadata.${string}`;
export const PAGE_SIZE = 25;

export interface RunSearch {
  status?: ExecutionStatus[];
  pipeline?: string;
  tag?: string;
  /** The name of the user who ran it. */
  user?: string;
  /** A metadata filter as typed, e.g. `accuracy > 0.9 and exists(loss)`; the server reads it. */
  metadata?: string;
  /** Dates as YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  sort?: RunSortField;
  desc?: boolean;
  page?: number;
  /** Metadata keys shown as extra columns, in order. */
  columns?: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function statuses(value: unknown): ExecutionStatus[] | undefined {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  const valid = list.filter(isStatus);
  return valid.length ? [...new Set(valid)] : undefined;
}

/** A built-in sort field or `metadata.<key>`, else undefined. */
export function parseSortField(value: unknown): RunSortField | undefined {
  if (typeof value !== "string") return undefined;
  const builtIn = RUN_SORT_FIELDS.find((field) => field === value);
  if (builtIn) return builtIn;
  const isMetadata =
    value.startsWith(METADATA_SORT_PREFIX) && value.length > METADATA_SORT_PREFIX.length;
  return isMetadata ? (value as `metadata.${string}`) : undefined;
}

/** Metadata keys from `columns=a,b` (or a list), without blanks or repeats. */
export function parseColumns(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  const keys = list.map((key) => (typeof key === "string" ? key.trim() : "")).filter(Boolean);
  return keys.length ? [...new Set(keys)] : undefined;
}

/** Keep only what is valid, so a hand-edited URL never breaks the page. */
export function parseRunSearch(raw: Record<string, unknown>): RunSearch {
  const sort = parseSortField(raw.sort);
  const page = Number(raw.page);
  const from = text(raw.from);
  const to = text(raw.to);
  const search: RunSearch = {
    status: statuses(raw.status),
    pipeline: text(raw.pipeline),
    tag: text(raw.tag),
    user: text(raw.user),
    metadata: text(raw.metadata),
    from: from && DATE.test(from) ? from : undefined,
    to: to && DATE.test(to) ? to : undefined,
    sort,
    desc: raw.desc === false || raw.desc === "false" ? false : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    columns: parseColumns(raw.columns),
  };
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined),
  ) as RunSearch;
}

/** The query parameters of `GET /runs`, as the schema has them. */
export type RunQuery = NonNullable<operations["list_runs"]["parameters"]["query"]>;

/** The API's query parameters for a runs list view. */
export function toRunQuery(search: RunSearch): RunQuery {
  const query: RunQuery = {
    sort_by: `${search.desc === false ? "asc" : "desc"}:${search.sort ?? "created"}`,
    page: search.page ?? 1,
    size: PAGE_SIZE,
  };
  const status = search.status ?? [];
  if (status.length === 1 && status[0]) query.status = status[0];
  if (status.length > 1) query.status = `oneof:[${status.join(",")}]`;
  if (search.pipeline) query.pipeline_name = search.pipeline;
  if (search.tag) query.tag = search.tag;
  if (search.user) query.user_name = search.user;
  // Sent as typed: the server's one parser reads it and says where a bad one stops.
  if (search.metadata) query.where = search.metadata;
  // The API takes one condition per field: with both ends, the end bounds the start time.
  if (search.from) query.created = [`gte:${search.from}T00:00:00`];
  if (search.to) {
    const end = `lte:${search.to}T23:59:59.999`;
    if (search.from) query.started = end;
    else query.created = [end];
  }
  return query;
}

/** True when any filter narrows the list (for the empty state's wording). */
export function hasFilters(search: RunSearch): boolean {
  return Boolean(
    search.status?.length ||
      search.pipeline ||
      search.tag ||
      search.user ||
      search.metadata ||
      search.from ||
      search.to,
  );
}
