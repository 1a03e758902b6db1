/** Everything the views derive from the comparison and the URL, computed once per change. */
import { useMemo } from "react";
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
  differingRows,
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

export function useComparisonView(comparison: Comparison, search: CompareSearch): ComparisonView {
  const runCount = comparison.runs.length;
  const candidates = useMemo(
    () => candidateAxes(comparison.rows, runCount),
    [comparison.rows, runCount],
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
  const differing = useMemo(() => differingRows(rows, members), [rows, members]);
  const visible = useMemo(
    () => visibleRows(rows, differing, { isDiffOnly, filter }),
    [rows, differing, isDiffOnly, filter],
  );
  return useMemo(() => ({ columns, rows: visible }), [columns, visible]);
}
