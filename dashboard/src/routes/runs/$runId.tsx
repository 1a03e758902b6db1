import { createFileRoute } from "@tanstack/react-router";
import { useCallback } from "react";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ArtifactPanel } from "@/features/artifacts/components/artifact-panel";
import { RunDagView } from "@/features/run-graph/components/run-dag";
import { RunTimeline } from "@/features/run-timeline/components/run-timeline";
import { prefetchRunDag, useRunDag } from "@/features/runs/api/get-run-dag";
import { RunHeader } from "@/features/runs/components/run-header";
import { StepPanel } from "@/features/steps/components/step-panel";
import { queryClient } from "@/lib/query-client";
import { parseRunPageSearch, type RunPageSearch } from "@/lib/run-page-search";
import { DAG_STEP_THRESHOLD, defaultRunView, type RunView } from "@/lib/run-views";

export const Route = createFileRoute("/runs/$runId")({
  validateSearch: (raw: Record<string, unknown>): RunPageSearch => parseRunPageSearch(raw),
  // The loader stays in the main bundle: the DAG is asked for while the page's code loads.
  // Not on a link's hover: a 10,000-step run's DAG is megabytes.
  loader: ({ params, preload }) => {
    if (!preload) prefetchRunDag(queryClient, params.runId);
  },
  component: RunPage,
});

const VIEWS = [
  { id: "dag", label: "DAG" },
  { id: "timeline", label: "Timeline" },
] as const;

function RunPage() {
  const { runId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const dag = useRunDag(runId);
  const update = useCallback(
    (patch: Partial<RunPageSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const selectStep = (step: string) => update({ step, artifact: undefined });
  const selectArtifact = (artifact: string) => update({ artifact, step: undefined });

  if (dag.isPending) return <LoadingState label="Loading the run…" />;
  if (dag.isError)
    return (
      <ErrorState
        title="Could not load this run"
        error={dag.error}
        onRetry={() => void dag.refetch()}
      />
    );
  const data = dag.data;
  const view: RunView =
    search.view ?? defaultRunView(data.steps.length + data.pending_steps.length);
  return (
    <div className="page-full">
      <RunHeader
        dag={data}
        onSelectStep={(id) => update({ step: id, artifact: undefined, tab: "overview" })}
      />
      <div className="run-toolbar row">
        <SegmentedControl
          label="Run view"
          options={VIEWS}
          value={view}
          onChange={(next) => update({ view: next })}
        />
        {data.steps.length > DAG_STEP_THRESHOLD && view === "timeline" ? (
          <span className="faint">
            Large run: opened on the timeline. The DAG is one click away.
          </span>
        ) : null}
      </div>
      <div className={`run-body${search.step || search.artifact ? " with-panel" : ""}`}>
        <div className="run-view">
          {view === "dag" ? (
            <RunDagView
              dag={data}
              selectedId={
                search.step
                  ? `step:${search.step}`
                  : search.artifact
                    ? `artifact:${search.artifact}`
                    : null
              }
              onSelect={(node) => {
                if (!node) update({ step: undefined, artifact: undefined });
                else if (node.data.kind === "step" && node.data.stepRunId)
                  selectStep(node.data.stepRunId);
                else if (node.data.kind === "artifact") selectArtifact(node.data.artifactVersionId);
              }}
            />
          ) : (
            <RunTimeline
              dag={data}
              selectedStepId={search.step ?? null}
              onSelectStep={selectStep}
            />
          )}
        </div>
        {search.step ? (
          <StepPanel
            stepRunId={search.step}
            tab={search.tab ?? "overview"}
            onTabChange={(tab) => update({ tab })}
            logFilter={{ grep: search.grep, stream: search.stream }}
            onLogFilterChange={(filter) => update({ grep: filter.grep, stream: filter.stream })}
            onSelectArtifact={selectArtifact}
            onSelectAttempt={selectStep}
            onClose={() => update({ step: undefined })}
          />
        ) : null}
        {search.artifact ? (
          <ArtifactPanel
            artifactVersionId={search.artifact}
            runId={data.run.id}
            onClose={() => update({ artifact: undefined })}
          />
        ) : null}
      </div>
    </div>
  );
}
