import { createFileRoute, Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { Tabs } from "@/components/ui/tabs";
import { usePipeline } from "@/features/pipelines/api/get-pipeline";
import { PipelineVersions } from "@/features/pipelines/components/pipeline-versions";
import { RunHistory } from "@/features/runs/components/run-history";
import { parseRunSearch, type RunSearch } from "@/features/runs/lib/run-filters";
import { formatDateTime } from "@/lib/format";

const TABS = [
  { id: "runs", label: "Runs" },
  { id: "versions", label: "Versions" },
] as const;
type PipelineTab = (typeof TABS)[number]["id"];

interface PipelinePageSearch extends RunSearch {
  /** The runs are shown unless this says versions. */
  tab?: Exclude<PipelineTab, "runs">;
}

export const Route = createFileRoute("/pipelines/$pipelineId")({
  validateSearch: (raw: Record<string, unknown>): PipelinePageSearch => ({
    ...parseRunSearch(raw),
    ...(raw.tab === "versions" ? { tab: "versions" as const } : {}),
  }),
  component: PipelinePage,
});

function PipelinePage() {
  const { pipelineId } = Route.useParams();
  const { tab, ...search } = Route.useSearch();
  const navigate = Route.useNavigate();
  const pipeline = usePipeline(pipelineId);
  return (
    <div className="page">
      <QueryView
        query={pipeline}
        loadingLabel="Loading the pipeline…"
        errorTitle="Could not load this pipeline"
      >
        {(data) => (
          <div className="page-header">
            <div className="titles">
              <span className="breadcrumb">
                <Link to="/pipelines">Pipelines</Link> /
              </span>
              <h1>{data.name}</h1>
              <span className="subtitle">First run {formatDateTime(data.created)}</span>
            </div>
          </div>
        )}
      </QueryView>
      <Tabs
        label="Pipeline views"
        tabs={TABS}
        active={tab ?? "runs"}
        onChange={(next) =>
          void navigate({ search: next === "versions" ? { tab: next } : {}, replace: true })
        }
      />
      {tab === "versions" ? (
        <PipelineVersions pipelineId={pipelineId} />
      ) : (
        <RunHistory
          search={search}
          pipelineId={pipelineId}
          onSearchChange={(next) => void navigate({ search: next })}
        />
      )}
    </div>
  );
}
