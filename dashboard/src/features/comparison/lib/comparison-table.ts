/**
 * What the comparison table shows, as pure functions: which runs (columns) in which order,
 * which rows, and how each cell compares with the baseline's. Equality and deltas follow
 * the server's comparison (`headwater/comparison/table.py`) so the screen, the export and
 * the CLI agree; a null value is a run without the key.
 */
import type { ComparisonRow } from "@/features/comparison/api/compare-runs";

export type CellChange =
  | { kind: "same" }
  | { kind: "missing" }
  | { kind: "changed" }
  | { kind: "number"; absolute: number; percent: number | null };

export function isMissing(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** The same value, as the server decides it (numbers by value, lists and maps by content). */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (isMissing(a) || isMissing(b)) return isMissing(a) && isMissing(b);
  if (typeof a === "object" || typeof b === "object")
    return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** True when the runs shown do not all have the same value. */
export function rowDiffers(values: readonly unknown[], columns: readonly number[]): boolean {
  const [first, ...rest] = columns;
  if (first === undefined) return false;
  return rest.some((column) => !isSameValue(values[first], values[column]));
}

/** A cell against the baseline's: numbers get a delta (absolute and %), others "changed". */
export function cellChange(value: unknown, base: unknown): CellChange {
  if (isSameValue(value, base)) return { kind: "same" };
  if (isMissing(value) || isMissing(base)) return { kind: "missing" };
  if (isNumber(value) && isNumber(base)) {
    const absolute = value - base;
    return {
      kind: "number",
      absolute,
      percent: base === 0 ? null : (100 * absolute) / Math.abs(base),
    };
  }
  return { kind: "changed" };
}

function compareValues(a: unknown, b: unknown): number {
  if (isNumber(a) && isNumber(b)) return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}

/** Columns sorted by one row's values; runs without a value stay last either way. */
export function sortColumns(
  columns: readonly number[],
  values: readonly unknown[],
  descending: boolean,
): number[] {
  const present = columns.filter((column) => !isMissing(values[column]));
  const missing = columns.filter((column) => isMissing(values[column]));
  present.sort((a, b) => compareValues(values[a], values[b]) * (descending ? -1 : 1));
  return [...present, ...missing];
}

export interface TableOptions {
  /** Runs kept by the parallel coordinates' brush (null: every run). */
  kept: ReadonlySet<number> | null;
  baseline: number;
  isDiffOnly: boolean;
  filter: string;
  sortRow: ComparisonRow | undefined;
  isDescending: boolean;
}

export interface TableView {
  /** Indexes into the comparison's runs, in the order shown. */
  columns: number[];
  rows: ComparisonRow[];
}

/** The runs shown, in order: the brush's (the baseline always stays), sorted by a row. */
export function visibleColumns(
  runCount: number,
  options: Pick<TableOptions, "kept" | "baseline" | "sortRow" | "isDescending">,
): number[] {
  const all = Array.from({ length: runCount }, (_, index) => index);
  const kept = all.filter((i) => !options.kept || options.kept.has(i) || i === options.baseline);
  return options.sortRow ? sortColumns(kept, options.sortRow.values, options.isDescending) : kept;
}

/** The rows that differ across `columns`: worked out once per set of runs shown, so that
 * toggling "differences only" filters a list instead of comparing 50,000 cells again. */
export function differingRows(
  rows: readonly ComparisonRow[],
  columns: readonly number[],
): ReadonlySet<ComparisonRow> {
  return new Set(rows.filter((row) => rowDiffers(row.values, columns)));
}

const differingCache = new WeakMap<
  readonly ComparisonRow[],
  { columns: readonly number[]; differing: ReadonlySet<ComparisonRow> }
>();

function isSameColumns(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((column, index) => column === b[index]);
}

/** `differingRows`, kept for the last set of runs asked about per comparison: the page
 * works it out after the first paint (issue 11: first paint under 1 s), so that the first
 * "differences only" finds it ready. */
export function cachedDifferingRows(
  rows: readonly ComparisonRow[],
  columns: readonly number[],
): ReadonlySet<ComparisonRow> {
  const cached = differingCache.get(rows);
  if (cached && isSameColumns(cached.columns, columns)) return cached.differing;
  const differing = differingRows(rows, columns);
  differingCache.set(rows, { columns: [...columns], differing });
  return differing;
}

/** The rows shown: those whose key holds the filter text and, if asked, that differ
 * (`differing`: the rows that differ across the runs shown, see `differingRows`). */
export function visibleRows(
  rows: readonly ComparisonRow[],
  differing: ReadonlySet<ComparisonRow>,
  options: Pick<TableOptions, "isDiffOnly" | "filter">,
): ComparisonRow[] {
  const needle = options.filter.trim().toLowerCase();
  if (needle === "" && !options.isDiffOnly) return [...rows];
  return rows.filter(
    (row) =>
      (needle === "" || row.key.toLowerCase().includes(needle)) &&
      (!options.isDiffOnly || differing.has(row)),
  );
}

export function tableView(
  rows: readonly ComparisonRow[],
  runCount: number,
  options: TableOptions,
): TableView {
  const columns = visibleColumns(runCount, options);
  return { columns, rows: visibleRows(rows, differingRows(rows, columns), options) };
}

export type TableItem =
  | { kind: "group"; group: string; count: number }
  | { kind: "row"; row: ComparisonRow };

/** The rows with a heading before each group, for the virtual list. */
export function groupedItems(rows: readonly ComparisonRow[]): TableItem[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.group, (counts.get(row.group) ?? 0) + 1);
  const items: TableItem[] = [];
  let current: string | null = null;
  for (const row of rows) {
    if (row.group !== current) {
      current = row.group;
      items.push({ kind: "group", group: row.group, count: counts.get(row.group) ?? 0 });
    }
    items.push({ kind: "row", row });
  }
  return items;
}
