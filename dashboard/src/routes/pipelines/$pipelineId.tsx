import { createFileRoute, Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { usePipeline } from "@/features/pipelines/api/get-pipeline";
import { RunHistory } from "@/features/runs/components/run-history";
import { parseRunSearch, type RunSearch } from "@/features/runs/lib/run-filters";
import { formatDateTime } from "@/lib/format";

export const Route = createFileRoute("/pipelines/$pipelineId")({
  validateSearch: (raw: Record<string, unknown>): RunSearch => parseRunSearch(raw),
  component: PipelinePage,
});

function PipelinePage() {
  const { pipelineId } = Route.useParams();
  const search = Route.useSearch();
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
      <h2>Runs</h2>
      <RunHistory
        search={search}
        pipelineId={pipelineId}
        onSearchChange={(next) => void navigate({ search: next })}
      />
    </div>
  );
}
