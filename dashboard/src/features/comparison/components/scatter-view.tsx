import { lazy, Suspense, useMemo } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { Comparison } from "@/features/comparison/api/compare-runs";
import { AxisSelect } from "@/features/comparison/components/axis-select";
import type { ColorScale } from "@/features/comparison/lib/chart-colors";
import type { CompareSearch } from "@/features/comparison/lib/compare-search";
import type { ComparisonView } from "@/features/comparison/lib/use-comparison-view";

const ScatterChart = lazy(() =>
  import("@/features/comparison/components/scatter-chart").then((m) => ({
    default: m.ScatterChart,
  })),
);

export interface ScatterViewProps {
  comparison: Comparison;
  view: ComparisonView;
  colors: ColorScale;
  search: CompareSearch;
  onSearchChange: (patch: Partial<CompareSearch>) => void;
}

/** Any row against any row (a parameter against a metric by default). */
export function ScatterView({
  comparison,
  view,
  colors,
  search,
  onSearchChange,
}: ScatterViewProps) {
  const candidates = useMemo(() => [...view.axes.values()], [view.axes]);
  const x = view.axes.get(search.x ?? view.axisIds[0] ?? "");
  const yId = search.y ?? view.colorId ?? view.axisIds[1];
  const y = view.axes.get(yId ?? "");
  return (
    <div className="card compare-chart-card">
      <div className="row compare-chart-bar">
        <AxisSelect
          label="X"
          candidates={candidates}
          value={x?.id}
          onChange={(id) => onSearchChange({ x: id })}
        />
        <AxisSelect
          label="Y"
          candidates={candidates}
          value={y?.id}
          onChange={(id) => onSearchChange({ y: id })}
        />
        <span className="spacer" />
        <span className="muted">Click a point to open its run.</span>
      </div>
      {x && y ? (
        <ErrorBoundary
          fallback={(error) => <ErrorState title="Could not draw the chart" error={error} />}
        >
          <Suspense fallback={<LoadingState label="Loading the chart…" />}>
            <ScatterChart
              x={x}
              y={y}
              runs={comparison.runs}
              shown={view.table.columns}
              colorOf={colors.colorOf}
            />
          </Suspense>
        </ErrorBoundary>
      ) : (
        <div className="state">Choose a row for each axis.</div>
      )}
    </div>
  );
}
