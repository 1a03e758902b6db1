/**
 * Rows as chart axes: a row whose values are all numbers is a numeric axis; any other row
 * with at most 200 distinct values is categorical. The brush of the parallel coordinates
 * keeps the runs whose every brushed axis falls inside one of its intervals.
 */
import type { ComparisonRow } from "@/features/comparison/api/compare-runs";
import type { BrushIntervals } from "@/features/comparison/lib/compare-search";
import { rowId } from "@/features/comparison/lib/compare-search";
import { isMissing, isNumber, rowDiffers } from "@/features/comparison/lib/comparison-table";
import { formatValue } from "@/features/comparison/lib/format-cell";

export const MAX_CATEGORIES = 200;
const DEFAULT_AXES = 8;
// Where the sweep's knobs and scores live: axes and colours are picked from these first.
const PREFERRED_GROUPS = ["parameters", "metadata", "step metadata"];

export type ChartAxis =
  | { id: string; name: string; kind: "number"; row: ComparisonRow }
  | { id: string; name: string; kind: "category"; row: ComparisonRow; categories: string[] };

/** The axis a row makes, or null when it has too many distinct non-numeric values. */
export function axisOf(row: ComparisonRow): ChartAxis | null {
  const present = row.values.filter((value) => !isMissing(value));
  const id = rowId(row);
  if (present.length > 0 && present.every(isNumber))
    return { id, name: row.key, kind: "number", row };
  const categories = [...new Set(row.values.map(formatValue))].sort();
  if (categories.length > MAX_CATEGORIES) return null;
  return { id, name: row.key, kind: "category", row, categories };
}

/** Where a run's value sits on an axis: the number, or its category's position. */
export function axisPosition(axis: ChartAxis, run: number): number | null {
  const value = axis.row.values[run];
  if (axis.kind === "number") return isNumber(value) ? value : null;
  return axis.categories.indexOf(formatValue(value));
}

/** What a run's value draws as on an axis (ECharts takes category names). */
export function axisDatum(axis: ChartAxis, run: number): number | string | null {
  if (axis.kind === "number") return axisPosition(axis, run);
  return formatValue(axis.row.values[run] ?? null);
}

/** Every row that can be an axis, those that differ across the runs first. */
export function candidateAxes(rows: readonly ComparisonRow[], runCount: number): ChartAxis[] {
  const all = Array.from({ length: runCount }, (_, index) => index);
  const axes = rows.map(axisOf).filter((axis): axis is ChartAxis => axis !== null);
  const differs = (axis: ChartAxis) => rowDiffers(axis.row.values, all);
  return [...axes.filter(differs), ...axes.filter((axis) => !differs(axis))];
}

function preferred(axes: readonly ChartAxis[]): ChartAxis[] {
  return [...axes].sort((a, b) => rank(a.row.group) - rank(b.row.group));
}

function rank(group: string): number {
  const index = PREFERRED_GROUPS.indexOf(group);
  return index === -1 ? PREFERRED_GROUPS.length : index;
}

/** The axes drawn when the URL names none: differing parameters and metrics first. */
export function defaultAxes(candidates: readonly ChartAxis[], runCount: number): string[] {
  const all = Array.from({ length: runCount }, (_, index) => index);
  const differing = candidates.filter((axis) => rowDiffers(axis.row.values, all));
  return preferred(differing)
    .filter((axis) => rank(axis.row.group) < PREFERRED_GROUPS.length)
    .slice(0, DEFAULT_AXES)
    .map((axis) => axis.id);
}

/** The numeric row lines are coloured by when the URL names none: a metric, if any. */
export function defaultColor(
  candidates: readonly ChartAxis[],
  runCount: number,
): string | undefined {
  const all = Array.from({ length: runCount }, (_, index) => index);
  const metrics = candidates.filter(
    (axis) =>
      axis.kind === "number" &&
      (axis.row.group === "metadata" || axis.row.group === "step metadata") &&
      rowDiffers(axis.row.values, all),
  );
  return metrics[0]?.id;
}

function inside(position: number | null, intervals: BrushIntervals): boolean {
  if (position === null || position < 0) return false;
  return intervals.some(([low, high]) => position >= low && position <= high);
}

/** The runs inside every brushed axis, or null when nothing is brushed. */
export function runsInBrush(
  axes: readonly ChartAxis[],
  brush: Record<string, BrushIntervals> | undefined,
  runCount: number,
): Set<number> | null {
  const brushed = axes.filter((axis) => (brush?.[axis.id]?.length ?? 0) > 0);
  if (brushed.length === 0) return null;
  const kept = new Set<number>();
  for (let run = 0; run < runCount; run++) {
    if (brushed.every((axis) => inside(axisPosition(axis, run), brush?.[axis.id] ?? []))) {
      kept.add(run);
    }
  }
  return kept;
}
