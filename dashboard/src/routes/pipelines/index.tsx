import { createFileRoute } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { usePipelines } from "@/features/pipelines/api/list-pipelines";
import { PipelinesTable } from "@/features/pipelines/components/pipelines-table";

export const Route = createFileRoute("/pipelines/")({ component: PipelinesPage });

function PipelinesPage() {
  const pipelines = usePipelines();
  return (
    <div className="page">
      <div className="page-header">
        <div className="titles">
          <h1>Pipelines</h1>
          <span className="subtitle">
            Each pipeline with its number of runs and its latest run.
          </span>
        </div>
      </div>
      <div className="card">
        <QueryView
          query={pipelines}
          loadingLabel="Loading pipelines…"
          errorTitle="Could not load the pipelines"
        >
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title="No pipelines yet">
                Decorate a function with <code>@pipeline</code> and call it: it shows up here.
              </EmptyState>
            ) : (
              <PipelinesTable pipelines={page.items} />
            )
          }
        </QueryView>
      </div>
    </div>
  );
}
