import { memo, useMemo } from "react";
import type { Comparison } from "@/features/comparison/api/compare-runs";
import { ComparisonTable } from "@/features/comparison/components/comparison-table";
import { ComparisonToolbar } from "@/features/comparison/components/comparison-toolbar";
import { ExportButtons } from "@/features/comparison/components/export-buttons";
import { ParallelView } from "@/features/comparison/components/parallel-view";
import { ScatterView } from "@/features/comparison/components/scatter-view";
import {
  type OutputVisualizations,
  VisualizationsView,
} from "@/features/comparison/components/visualizations-view";
import { colorScale } from "@/features/comparison/lib/chart-colors";
import type { CompareSearch } from "@/features/comparison/lib/compare-search";
import { useComparisonView } from "@/features/comparison/lib/use-comparison-view";

function emptyTableMessage(filter: string | undefined, columns: number): string {
  if (filter) return `No row's key contains “${filter}”.`;
  if (columns < 2) return "Only the baseline is in the brush, so nothing differs: widen the brush.";
  return "Every row is equal across these runs.";
}

export interface ComparisonContentProps {
  comparison: Comparison;
  search: CompareSearch;
  onSearchChange: (patch: Partial<CompareSearch>) => void;
  onRemoveRun: (runId: string) => void;
  /** Draws artifact visualizations for the visualizations view. */
  Visualizations: OutputVisualizations;
}

/** The toolbar and the view the URL asks for; the brush's runs drive the table too.
 * Memoized: the page draws again when the URL catches up, with nothing new for it. */
export const ComparisonContent = memo(function ComparisonContent({
  comparison,
  search,
  onSearchChange,
  onRemoveRun,
  Visualizations,
}: ComparisonContentProps) {
  const view = useComparisonView(comparison, search);
  const color = view.colorId ? view.axes.get(view.colorId) : undefined;
  // Lines, points and cells share one colour per run; the fallback is read by the canvas.
  const colors = useMemo(
    () => colorScale(color, comparison.runs.length, "#8a93a3"),
    [color, comparison.runs.length],
  );
  const table = (
    <div className={`card compare-table-card${search.view === "parallel" ? " under-chart" : ""}`}>
      {view.table.rows.length === 0 ? (
        <div className="state">{emptyTableMessage(search.q, view.table.columns.length)}</div>
      ) : (
        <ComparisonTable
          comparison={comparison}
          view={view.table}
          baseline={view.baseline}
          search={search}
          onSearchChange={onSearchChange}
          onRemoveRun={onRemoveRun}
        />
      )}
    </div>
  );
  const chartProps = { comparison, view, colors, search, onSearchChange };
  return (
    <>
      <ComparisonToolbar search={search} onSearchChange={onSearchChange}>
        <ExportButtons
          comparison={comparison}
          view={view.table}
          baseline={view.baseline}
          isDiffOnly={search.diff === true}
          isFiltered={Boolean(search.q)}
        />
      </ComparisonToolbar>
      {search.view === "parallel" ? <ParallelView {...chartProps} /> : null}
      {search.view === "scatter" ? <ScatterView {...chartProps} /> : null}
      {search.view === "visualizations" ? (
        <VisualizationsView
          comparison={comparison}
          view={view}
          search={search}
          onSearchChange={onSearchChange}
          Visualizations={Visualizations}
        />
      ) : null}
      {search.view === "scatter" || search.view === "visualizations" ? null : table}
    </>
  );
});
