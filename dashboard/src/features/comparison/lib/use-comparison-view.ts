/** Everything the views derive from the comparison and the URL, computed once per change. */
import { useEffect, useMemo } from "react";
import type { Comparison, ComparisonRow } from "@/features/comparison/api/compare-runs";
import {
  type ChartAxis,
  candidateAxes,
  defaultAxes,
  defaultColor,
  runsInBrush,
} from "@/features/comparison/lib/chart-axes";
import { type CompareSearch, rowId } from "@/features/comparison/lib/compare-search";
import {
  cachedDifferingRows,
  type TableOptions,
  type TableView,
  visibleColumns,
  visibleRows,
} from "@/features/comparison/lib/comparison-table";

export interface ComparisonView {
  baseline: number;
  table: TableView;
  /** Rows that can be chart axes, by id. */
  axes: Map<string, ChartAxis>;
  axisIds: string[];
  colorId: string | undefined;
  /** Runs the brush keeps (null: no brush). */
  kept: Set<number> | null;
  sortRow: ComparisonRow | undefined;
}

/** The baseline's column: the URL's run (by id or name), else the first. */
export function baselineIndex(comparison: Comparison, baseline: string | undefined): number {
  const index = comparison.runs.findIndex((run) => run.id === baseline || run.name === baseline);
  return index === -1 ? 0 : index;
}

const NO_AXES: ChartAxis[] = [];

/** The charts draw axes, and a brush (kept in the URL) narrows the table too; the table
 * alone needs no axes, so its first paint does not look at every value for them. */
function needsAxes(search: CompareSearch): boolean {
  return search.view === "parallel" || search.view === "scatter" || search.brush !== undefined;
}

export function useComparisonView(comparison: Comparison, search: CompareSearch): ComparisonView {
  const runCount = comparison.runs.length;
  const hasAxes = needsAxes(search);
  const candidates = useMemo(
    () => (hasAxes ? candidateAxes(comparison.rows, runCount) : NO_AXES),
    [comparison.rows, runCount, hasAxes],
  );
  const axes = useMemo(() => new Map(candidates.map((axis) => [axis.id, axis])), [candidates]);
  const axisIds = useMemo(
    () => (search.axes ?? defaultAxes(candidates, runCount)).filter((id) => axes.has(id)),
    [search.axes, candidates, axes, runCount],
  );
  const colorId = search.color ?? defaultColor(candidates, runCount);
  const kept = useMemo(
    () =>
      runsInBrush(
        axisIds.flatMap((id) => axes.get(id) ?? []),
        search.brush,
        runCount,
      ),
    [axisIds, axes, search.brush, runCount],
  );
  const baseline = baselineIndex(comparison, search.baseline);
  const sortRow = useMemo(
    () => comparison.rows.find((row) => rowId(row) === search.sort),
    [comparison.rows, search.sort],
  );
  const table = useTableView(comparison.rows, runCount, {
    kept,
    baseline,
    isDiffOnly: search.diff === true,
    filter: search.q ?? "",
    sortRow,
    isDescending: search.desc === true,
  });
  return { baseline, table, axes, axisIds, colorId, kept, sortRow };
}

const NO_ROWS: ReadonlySet<ComparisonRow> = new Set();

/** `tableView`, each part memoized on what it reads: which rows differ is worked out once
 * per set of runs shown, so "differences only" (issue 11: under 50 ms) only filters. */
function useTableView(
  rows: readonly ComparisonRow[],
  runCount: number,
  options: TableOptions,
): TableView {
  const { kept, baseline, sortRow, isDescending, isDiffOnly, filter } = options;
  const columns = useMemo(
    () => visibleColumns(runCount, { kept, baseline, sortRow, isDescending }),
    [runCount, kept, baseline, sortRow, isDescending],
  );
  // Sorting reorders the runs shown but never changes which rows differ.
  const members = useMemo(
    () => visibleColumns(runCount, { kept, baseline, sortRow: undefined, isDescending: false }),
    [runCount, kept, baseline],
  );
  // Which rows differ compares every value shown (500 keys x 100 runs): worked out after
  // the table is painted, unless "differences only" needs it now.
  useEffect(() => {
    const timer = setTimeout(() => cachedDifferingRows(rows, members));
    return () => clearTimeout(timer);
  }, [rows, members]);
  const visible = useMemo(
    () =>
      visibleRows(rows, isDiffOnly ? cachedDifferingRows(rows, members) : NO_ROWS, {
        isDiffOnly,
        filter,
      }),
    [rows, members, isDiffOnly, filter],
  );
  return useMemo(() => ({ columns, rows: visible }), [columns, visible]);
}
