import { lazy, Suspense, useMemo } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { Comparison } from "@/features/comparison/api/compare-runs";
import { AxisPicker } from "@/features/comparison/components/axis-picker";
import { AxisSelect } from "@/features/comparison/components/axis-select";
import { ColorLegend } from "@/features/comparison/components/color-legend";
import type { ChartAxis } from "@/features/comparison/lib/chart-axes";
import type { ColorScale } from "@/features/comparison/lib/chart-colors";
import type { BrushIntervals, CompareSearch } from "@/features/comparison/lib/compare-search";
import type { ComparisonView } from "@/features/comparison/lib/use-comparison-view";

const ParallelChart = lazy(() =>
  import("@/features/comparison/components/parallel-chart").then((m) => ({
    default: m.ParallelChart,
  })),
);

export interface ParallelViewProps {
  comparison: Comparison;
  view: ComparisonView;
  colors: ColorScale;
  search: CompareSearch;
  onSearchChange: (patch: Partial<CompareSearch>) => void;
}

/** Axis and colour pickers, the chart, and how many runs the brush keeps. */
export function ParallelView({
  comparison,
  view,
  colors,
  search,
  onSearchChange,
}: ParallelViewProps) {
  const candidates = useMemo(() => [...view.axes.values()], [view.axes]);
  const axes = useMemo(
    () => view.axisIds.flatMap((id) => view.axes.get(id) ?? []),
    [view.axisIds, view.axes],
  );
  const numeric = candidates.filter((axis: ChartAxis) => axis.kind === "number");
  const setBrush = (axisId: string, intervals: BrushIntervals) => {
    const next = { ...search.brush, [axisId]: intervals };
    if (intervals.length === 0) delete next[axisId];
    onSearchChange({ brush: Object.keys(next).length > 0 ? next : undefined });
  };
  const color = search.color
    ? view.axes.get(search.color)
    : view.colorId
      ? view.axes.get(view.colorId)
      : undefined;
  return (
    <div className="card compare-chart-card">
      <div className="row compare-chart-bar">
        <AxisPicker
          candidates={candidates}
          chosen={view.axisIds}
          onChange={(ids) => onSearchChange({ axes: ids })}
        />
        <AxisSelect
          label="Colour by"
          candidates={numeric}
          value={color?.id}
          onChange={(id) => onSearchChange({ color: id })}
        />
        {color ? <ColorLegend name={color.name} colors={colors} /> : null}
        <span className="spacer" />
        <span role="status" className="muted">
          {view.kept
            ? `${view.kept.size} of ${comparison.runs.length} runs in the brush`
            : "Drag along an axis to keep only the runs inside"}
        </span>
        {view.kept ? (
          <button
            type="button"
            className="button small"
            onClick={() => onSearchChange({ brush: undefined })}
          >
            Clear brush
          </button>
        ) : null}
      </div>
      {axes.length < 2 ? (
        <div className="state">Choose at least two axes to draw.</div>
      ) : (
        <ErrorBoundary
          fallback={(error) => <ErrorState title="Could not draw the chart" error={error} />}
        >
          <Suspense fallback={<LoadingState label="Loading the chart…" />}>
            <ParallelChart
              axes={axes}
              runs={comparison.runs}
              colors={colors}
              brush={search.brush}
              onBrush={setBrush}
            />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
