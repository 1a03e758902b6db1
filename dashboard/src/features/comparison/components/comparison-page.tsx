import { Link } from "@tanstack/react-router";
import { useCallback, useRef } from "react";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { MAX_RUNS, MIN_RUNS, useComparison } from "@/features/comparison/api/compare-runs";
import { ComparisonContent } from "@/features/comparison/components/comparison-content";
import { RequestedRuns } from "@/features/comparison/components/requested-runs";
import { RunPicker } from "@/features/comparison/components/run-picker";
import type { OutputVisualizations } from "@/features/comparison/components/visualizations-view";
import { type CompareSearch, runIdsOf, withRuns } from "@/features/comparison/lib/compare-search";
import { useImmediateSearch } from "@/features/comparison/lib/use-immediate-search";

export interface ComparisonPageProps {
  search: CompareSearch;
  onSearchChange: (patch: Partial<CompareSearch>) => void;
  /** Draws runs' artifact visualizations side by side (the artifacts' renderer). */
  Visualizations: OutputVisualizations;
}

/** `/compare?runs=…`: the runs side by side, or what to do when there are too few. */
export function ComparisonPage(props: ComparisonPageProps) {
  const [search, onSearchChange] = useImmediateSearch(props.search, props.onSearchChange);
  const runIds = runIdsOf(search);
  const comparison = useComparison(runIds);
  const setRuns = (ids: string[]) => onSearchChange(withRuns(search, ids));
  const removeRun = (id: string) =>
    setRuns(
      runIds.filter(
        (r) => r !== id && comparison.data?.runs.find((run) => run.id === id)?.name !== r,
      ),
    );
  // One function for the page's life, so the table is not drawn again when the URL
  // catches up with what is already shown.
  const latestRemoveRun = useRef(removeRun);
  latestRemoveRun.current = removeRun;
  const onRemoveRun = useCallback((id: string) => latestRemoveRun.current(id), []);
  const header = (
    <div className="page-header">
      <div className="titles">
        <h1>Compare runs</h1>
        <span className="subtitle">
          {runIds.length} {runIds.length === 1 ? "run" : "runs"} side by side: parameters, metrics,
          steps, outputs and configuration.
        </span>
      </div>
      <span className="spacer" />
      <RunPicker runIds={runIds} onAdd={(id) => setRuns([...runIds, id])} />
    </div>
  );
  if (runIds.length < MIN_RUNS) {
    return (
      <div className="page compare-page">
        {header}
        <div className="card" role="alert">
          <EmptyState
            title={`Compare needs at least ${MIN_RUNS} runs; ${runIds.length === 0 ? "none is" : "one is"} chosen.`}
          >
            Add runs by name above, or select runs in the <Link to="/runs">runs list</Link> and
            press Compare.
          </EmptyState>
        </div>
      </div>
    );
  }
  return (
    <div className="page compare-page">
      {header}
      {runIds.length > MAX_RUNS ? (
        <div className="callout failed">
          {runIds.length} runs are chosen; at most {MAX_RUNS} can be compared at once.
        </div>
      ) : null}
      <QueryView
        query={comparison}
        loadingLabel="Comparing the runs…"
        errorTitle="Could not compare these runs"
      >
        {(data) => (
          <ComparisonContent
            comparison={data}
            search={search}
            onSearchChange={onSearchChange}
            Visualizations={props.Visualizations}
            onRemoveRun={onRemoveRun}
          />
        )}
      </QueryView>
      {comparison.isError ? (
        <RequestedRuns runIds={runIds} onRemove={(id) => setRuns(runIds.filter((r) => r !== id))} />
      ) : null}
    </div>
  );
}
