import { lazy, Suspense, useMemo } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { LoadingState } from "@/components/ui/states";
import { describeSampling, parseChartData } from "@/features/artifacts/lib/chart-data";
import { errorMessage } from "@/lib/api-client";

const ArrayChart = lazy(() =>
  import("@/features/artifacts/components/array-chart").then((module) => ({
    default: module.ArrayChart,
  })),
);

export interface ChartVisualizationProps {
  /** The chart document's text, as the server sent it. */
  text: string;
  name: string;
  /** Switches to the image of the same data, for when the chart cannot be drawn. */
  onShowImage?: () => void;
}

function chartLabel(kind: "line" | "heatmap", shape: number[]): string {
  const size = shape.map((n) => n.toLocaleString("en")).join(" × ");
  return kind === "line" ? `Line chart of ${size} values` : `Heatmap of ${size} values`;
}

/** An array's line chart or heatmap, with a note when the server downsampled it. */
export function ChartVisualization({ text, name, onShowImage }: ChartVisualizationProps) {
  const parsed = useMemo(() => {
    try {
      return { chart: parseChartData(text), error: null };
    } catch (error) {
      return { chart: null, error };
    }
  }, [text]);
  const fallback = (error: unknown) => (
    <div className="state error" role="alert">
      <div className="state-title">Could not draw the {name}</div>
      <div>{errorMessage(error)}</div>
      {onShowImage ? (
        <button type="button" className="button" onClick={onShowImage}>
          Show the image instead
        </button>
      ) : null}
    </div>
  );
  if (!parsed.chart) return fallback(parsed.error);
  const sampling = describeSampling(parsed.chart);
  return (
    <figure className="chart-figure">
      <ErrorBoundary fallback={fallback}>
        <Suspense fallback={<LoadingState label="Loading the chart…" />}>
          <ArrayChart
            chart={parsed.chart}
            label={chartLabel(parsed.chart.kind, parsed.chart.shape)}
          />
        </Suspense>
      </ErrorBoundary>
      {sampling ? <figcaption className="faint">{sampling}</figcaption> : null}
    </figure>
  );
}
