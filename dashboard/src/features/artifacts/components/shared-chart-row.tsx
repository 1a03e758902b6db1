import { type UseQueryResult, useQueries } from "@tanstack/react-query";
import { lazy, Suspense, useMemo } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { visualizationTextQuery } from "@/features/artifacts/api/get-visualization";
import { ArtifactVisualization } from "@/features/artifacts/components/artifact-visualization";
import { shareAxes } from "@/features/artifacts/lib/shared-chart-axes";
import {
  type StructuredChart as Chart,
  isStructuredChart,
  parseStructuredChart,
} from "@/features/artifacts/lib/structured-chart";
import type { VisualizationRow } from "@/features/artifacts/lib/visualization-rows";
import { errorMessage } from "@/lib/api-client";

// The same lazy chunk the single chart loads: ECharts stays off the first page.
const StructuredChart = lazy(() =>
  import("@/features/artifacts/components/structured-chart").then((module) => ({
    default: module.StructuredChart,
  })),
);

export interface SharedChartRowProps {
  row: VisualizationRow;
  /** Each column's label, for the cells' names. */
  labels: string[];
  /** Said in each column that has no such visualization. */
  missing: string[];
}

function readChart(text: string | undefined): Chart | undefined {
  if (text === undefined) return undefined;
  const data: unknown = JSON.parse(text);
  // An array's chart data has no declared axes to share: it is drawn alone.
  if (!isStructuredChart(data)) throw new NotStructured();
  return parseStructuredChart(data);
}

class NotStructured extends Error {}

// Outside the component, so the combined result keeps its identity while the texts do.
function combineTexts(results: UseQueryResult<string>[]) {
  return {
    isPending: results.some((result) => result.isPending),
    error: results.find((result) => result.isError)?.error ?? null,
    contents: results.map((result) => result.data),
  };
}

/** A row of charts fetched together and drawn on shared axes, with a caption saying so. */
export function SharedChartRow({ row, labels, missing }: SharedChartRowProps) {
  const texts = useQueries({
    queries: row.cells.flatMap((cell) =>
      cell ? [visualizationTextQuery(cell.artifactVersionId, cell.index)] : [],
    ),
    combine: combineTexts,
  });
  // Which columns have a chart, as text: rows are rebuilt on every render, this is not, so
  // the charts (and their canvases) are made again only when the data changes.
  const layout = row.cells.map((cell) => (cell ? "1" : "0")).join("");
  const parsed = useMemo(() => {
    if (texts.isPending || texts.error) return null;
    const queue = [...texts.contents];
    try {
      return shareAxes(
        [...layout].map((has) => (has === "1" ? readChart(queue.shift()) : undefined)),
      );
    } catch (error) {
      return error instanceof NotStructured ? undefined : { error };
    }
  }, [texts, layout]);
  if (texts.isPending || texts.error) {
    return (
      <div className="side-wide">
        {texts.error ? (
          <ErrorState error={texts.error} title="Could not load these charts" />
        ) : (
          <LoadingState label="Loading the charts…" />
        )}
      </div>
    );
  }
  if (parsed === undefined || parsed === null) {
    return row.cells.map((cell, column) => (
      <figure
        key={labels[column]}
        className="side-cell"
        aria-label={`${row.name} in ${labels[column]}`}
      >
        {cell ? <ArtifactVisualization {...cell} /> : <MissingCell text={missing[column] ?? ""} />}
      </figure>
    ));
  }
  if ("error" in parsed) {
    return (
      <div className="state error side-wide" role="alert">
        Could not draw the {row.name}: {errorMessage(parsed.error)}
      </div>
    );
  }
  return (
    <>
      {parsed.charts.map((chart, column) => (
        <figure
          key={labels[column]}
          className="side-cell chart-figure"
          aria-label={`${row.name} in ${labels[column]}`}
        >
          {chart ? (
            <ErrorBoundary
              fallback={(error) => (
                <div className="state error" role="alert">
                  Could not draw the {row.name}: {errorMessage(error)}
                </div>
              )}
            >
              <Suspense fallback={<LoadingState label="Loading the chart…" />}>
                <StructuredChart chart={chart} />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <MissingCell text={missing[column] ?? ""} />
          )}
        </figure>
      ))}
      {parsed.shared ? <p className="faint side-wide side-caption">{parsed.shared}</p> : null}
    </>
  );
}

/** The place of a visualization a column does not have, so the rows stay aligned. */
export function MissingCell({ text }: { text: string }) {
  return <div className="side-missing faint">{text}</div>;
}
