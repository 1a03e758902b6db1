import { Link } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useMetadataSeries } from "@/features/metadata/api/get-metadata-series";
import { KeyEntities } from "@/features/metadata/components/key-entities";
import { type MetadataResource, RESOURCES } from "@/features/metadata/lib/explorer-search";
import { seriesLines } from "@/features/metadata/lib/series-chart";
import { formatCount } from "@/lib/format";

const HistoryChart = lazy(() =>
  import("@/features/metadata/components/history-chart").then((module) => ({
    default: module.HistoryChart,
  })),
);

// The server buckets longer histories (min/max/mean), so a chart stays quick to draw.
const CHART_POINTS = 2000;
const TABLE_ROWS = 100;

export interface KeyHistoryProps {
  resource: MetadataResource;
  metadataKey: string;
  onClose: () => void;
}

/** A key's history as a chart (a line per pipeline) and the newest entities carrying it. */
export function KeyHistory({ resource, metadataKey, onClose }: KeyHistoryProps) {
  const chart = useMetadataSeries(resource, metadataKey, { maxPoints: CHART_POINTS });
  const newest = useMetadataSeries(resource, metadataKey, {
    maxPoints: TABLE_ROWS,
    last: TABLE_ROWS,
  });
  const noun = RESOURCES.find((option) => option.id === resource)?.label.toLowerCase() ?? "";
  const groupHeader = resource === "model_version" ? "Model" : "Pipeline";
  return (
    <section className="card card-body section" aria-label={`History of ${metadataKey}`}>
      <div className="row">
        <h2 className="grow" style={{ margin: 0, fontSize: 16 }}>
          {metadataKey}
        </h2>
        {resource === "run" ? (
          // The runs list reads its columns from the URL, so adding one is a link.
          <Link to="/runs" search={{ columns: [metadataKey] }} className="button small">
            Add as a column
          </Link>
        ) : null}
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </div>
      <QueryView
        query={chart}
        loadingLabel="Loading the history…"
        errorTitle="Could not load the history"
      >
        {(series) =>
          seriesLines(series).size === 0 ? (
            <EmptyState title="Nothing to draw">
              No {noun} holds a number under '{metadataKey}'; its values are listed below.
            </EmptyState>
          ) : (
            <figure className="chart-figure">
              <ErrorBoundary
                fallback={(error) => <ErrorState error={error} title="Could not draw the chart" />}
              >
                <Suspense fallback={<LoadingState label="Loading the chart…" />}>
                  <HistoryChart
                    series={series}
                    label={`History of ${metadataKey}, a line per ${groupHeader.toLowerCase()}`}
                  />
                </Suspense>
              </ErrorBoundary>
              <figcaption className="muted">
                {formatCount(series.total)} {noun}
                {series.is_aggregated
                  ? `, drawn as ${formatCount(series.points.length)} buckets (mean, with min and max in the tooltip)`
                  : ""}
                . Click a point to open its run.
              </figcaption>
            </figure>
          )
        }
      </QueryView>
      <QueryView
        query={newest}
        loadingLabel="Loading the entities…"
        errorTitle="Could not load the entities"
      >
        {(series) => <KeyEntities points={series.points} groupHeader={groupHeader} />}
      </QueryView>
    </section>
  );
}
