import { lazy, Suspense, useMemo } from "react";
import { ErrorState, LoadingState } from "@/components/ui/states";
import {
  SERIES_MAX_VERSIONS,
  useVersionSeries,
} from "@/features/artifacts/api/list-artifact-versions";
import { chartKey, numericKeys, versionSeries } from "@/features/artifacts/lib/version-series";

const VersionLineChart = lazy(() =>
  import("@/features/artifacts/components/version-line-chart").then((module) => ({
    default: module.VersionLineChart,
  })),
);

export interface VersionChartProps {
  artifactId: string;
  /** The key asked for in the URL; the most common numeric key otherwise. */
  metadataKey?: string;
  onKeyChange: (key: string) => void;
}

/** Any numeric metadata key of the artifact's versions, charted across versions. */
export function VersionChart({ artifactId, metadataKey, onKeyChange }: VersionChartProps) {
  const series = useVersionSeries(artifactId);
  const versions = series.data?.items;
  const keys = useMemo(() => numericKeys(versions ?? []), [versions]);
  const key = chartKey(keys, metadataKey);
  const points = useMemo(
    () => (key && versions ? versionSeries(versions, key) : []),
    [versions, key],
  );
  if (series.isPending) return <LoadingState label="Loading the versions' metadata…" />;
  if (series.isError) {
    return (
      <ErrorState
        title="Could not load the versions' metadata"
        error={series.error}
        onRetry={() => void series.refetch()}
      />
    );
  }
  if (!key) {
    return (
      <span className="muted">
        No version carries numeric metadata to chart. Log some with{" "}
        <code>
          log_metadata({"{"}"rows": 100{"}"}, infer_artifact=True)
        </code>{" "}
        in the step that saves it.
      </span>
    );
  }
  return (
    <section className="section" aria-label="Metadata across versions">
      <div className="row">
        <label className="row muted">
          Metadata key
          <select className="select" value={key} onChange={(e) => onKeyChange(e.target.value)}>
            {keys.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {series.data.total > SERIES_MAX_VERSIONS ? (
          <span className="faint">the newest {SERIES_MAX_VERSIONS} versions</span>
        ) : null}
      </div>
      <Suspense fallback={<LoadingState label="Drawing the chart…" />}>
        <VersionLineChart metadataKey={key} points={points} />
      </Suspense>
    </section>
  );
}
