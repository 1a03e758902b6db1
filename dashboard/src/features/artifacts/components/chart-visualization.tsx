import { lazy, Suspense, useMemo } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { LoadingState } from "@/components/ui/states";
import { describeSampling, parseChartData } from "@/features/artifacts/lib/chart-data";
import { isStructuredChart, parseStructuredChart } from "@/features/artifacts/lib/structured-chart";
import { errorMessage } from "@/lib/api-client";

const StructuredChart = lazy(() =>
  import("@/features/artifacts/components/structured-chart").then((module) => ({
    default: module.StructuredChart,
  })),
);

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

/** A declarative chart, or an array's line chart or heatmap (noting any downsampling). */
export function ChartVisualization({ text, name, onShowImage }: ChartVisualizationProps) {
  const parsed = useMemo(() => {
    try {
      const data: unknown = JSON.parse(text);
      if (isStructuredChart(data)) {
        return { chart: null, structured: parseStructuredChart(data), error: null };
      }
      return { chart: parseChartData(text), structured: null, error: null };
    } catch (error) {
      return { chart: null, structured: null, error };
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
  if (parsed.structured) {
    return (
      <figure className="chart-figure">
        <ErrorBoundary fallback={fallback}>
          <Suspense fallback={<LoadingState label="Loading the chart…" />}>
            <StructuredChart chart={parsed.structured} />
          </Suspense>
        </ErrorBoundary>
      </figure>
    );
  }
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
