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
import { type TableView, tableView } from "@/features/comparison/lib/comparison-table";

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
  const table = useMemo(
    () =>
      tableView(comparison.rows, runCount, {
        kept,
        baseline,
        isDiffOnly: search.diff === true,
        filter: search.q ?? "",
        sortRow,
        isDescending: search.desc === true,
      }),
    [comparison.rows, runCount, kept, baseline, search.diff, search.q, sortRow, search.desc],
  );
  return { baseline, table, axes, axisIds, colorId, kept, sortRow };
}
