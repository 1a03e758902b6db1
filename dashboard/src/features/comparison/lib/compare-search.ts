/**
 * The comparison page's view state in the URL: which runs, the baseline, differences only,
 * the row filter, the view, the runs' sort and every chart setting, so a view is a link.
 */

export const COMPARE_VIEWS = ["table", "parallel", "scatter", "visualizations"] as const;
export type CompareView = (typeof COMPARE_VIEWS)[number];
/** An axis' brushed intervals, in its values (a categorical axis: category positions). */
export type BrushIntervals = [number, number][];

export interface CompareSearch {
  /** Run ids (or names), comma-separated, in column order. */
  runs?: string;
  baseline?: string;
  diff?: boolean;
  /** Only rows whose key contains this text. */
  q?: string;
  view?: CompareView;
  /** The row (see `rowId`) the runs are sorted by, and its direction. */
  sort?: string;
  desc?: boolean;
  /** Parallel coordinates: the rows drawn as axes, the row lines are coloured by, the brush. */
  axes?: string[];
  color?: string;
  brush?: Record<string, BrushIntervals>;
  /** Scatter: the rows on each axis. */
  x?: string;
  y?: string;
  /** Visualizations: the step and output whose versions are shown side by side. */
  step?: string;
  output?: string;
}

const MAX_TEXT = 500;
// Room for more than the 500 runs one request compares, so the server can say "too many".
const MAX_RUNS_TEXT = 64 * 1000;
export const MAX_AXES = 30;

/** A row's id in the URL and in lookups: `group/key` (groups never hold a slash). */
export function rowId(row: { group: string; key: string }): string {
  return `${row.group}/${row.key}`;
}

/** The run ids of a search, in order, as given. */
export function runIdsOf(search: CompareSearch): string[] {
  return (search.runs ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

/** The search with these runs; the baseline goes when its run does. */
export function withRuns(search: CompareSearch, runIds: string[]): CompareSearch {
  const baseline =
    search.baseline && runIds.includes(search.baseline) ? search.baseline : undefined;
  return { ...search, runs: runIds.length > 0 ? runIds.join(",") : undefined, baseline };
}

function text(value: unknown, limit = MAX_TEXT): string | undefined {
  // A number-like text ("7") arrives parsed as a number.
  const raw = typeof value === "number" ? String(value) : value;
  return typeof raw === "string" && raw !== "" ? raw.slice(0, limit) : undefined;
}

function interval(value: unknown): [number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [low, high] = value;
  if (typeof low !== "number" || typeof high !== "number") return undefined;
  if (!Number.isFinite(low) || !Number.isFinite(high)) return undefined;
  return low <= high ? [low, high] : [high, low];
}

function brush(value: unknown): Record<string, BrushIntervals> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value)
    .slice(0, MAX_AXES)
    .map(([axis, intervals]): [string, BrushIntervals] => [
      axis.slice(0, MAX_TEXT),
      Array.isArray(intervals)
        ? intervals.map(interval).filter((i): i is [number, number] => i !== undefined)
        : [],
    ])
    .filter(([, intervals]) => intervals.length > 0);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function axes(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids = value.map((id) => text(id)).filter((id): id is string => id !== undefined);
  return ids.length > 0 ? [...new Set(ids)].slice(0, MAX_AXES) : undefined;
}

/** Only valid values survive, so a hand-edited link never breaks the page. */
export function parseCompareSearch(raw: Record<string, unknown>): CompareSearch {
  const search: CompareSearch = {
    runs: text(raw.runs, MAX_RUNS_TEXT),
    baseline: text(raw.baseline),
    diff: raw.diff === true ? true : undefined,
    q: text(raw.q),
    view: COMPARE_VIEWS.find((view) => view === raw.view && view !== "table"),
    sort: text(raw.sort),
    desc: raw.desc === true ? true : undefined,
    axes: axes(raw.axes),
    color: text(raw.color),
    brush: brush(raw.brush),
    x: text(raw.x),
    y: text(raw.y),
    step: text(raw.step),
    output: text(raw.output),
  };
  return Object.fromEntries(
    Object.entries(search).filter(([, v]) => v !== undefined),
  ) as CompareSearch;
}
