import { useState } from "react";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useRuns } from "@/features/runs/api/list-runs";
import { BulkDelete } from "@/features/runs/components/bulk-delete";
import { ColumnPicker } from "@/features/runs/components/column-picker";
import { CompareSelected } from "@/features/runs/components/compare-selected";
import { Pagination } from "@/features/runs/components/pagination";
import { RunFiltersBar } from "@/features/runs/components/run-filters-bar";
import { RunsTable } from "@/features/runs/components/runs-table";
import { SavedViewsMenu } from "@/features/runs/components/saved-views-menu";
import { hasFilters, type RunSearch } from "@/features/runs/lib/run-filters";
import { ApiError } from "@/lib/api-client";
import { mayWrite, useCurrentUser } from "@/lib/current-user";

export interface RunHistoryProps {
  search: RunSearch;
  onSearchChange: (next: RunSearch) => void;
  /** Only the runs of one pipeline (the pipeline page). */
  pipelineId?: string;
}

/** The server's message when it refused the filters (a 400 `bad_filter`). */
function badFilterMessage(error: unknown): string | undefined {
  return error instanceof ApiError && error.code === "bad_filter" ? error.message : undefined;
}

/** Filters, the runs table and pages: the whole run history view. */
export function RunHistory({ search, onSearchChange, pipelineId }: RunHistoryProps) {
  const runs = useRuns(search, pipelineId);
  // Viewers never see delete; while the role is unknown it shows, and a 403 says why.
  const user = useCurrentUser();
  const canDelete = !user.data || mayWrite(user.data.role);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  // Only runs on the page shown count: a filter change never deletes what is out of sight.
  const selectedRuns = runs.data?.items.filter((run) => selected.has(run.id)) ?? [];
  const dropDeleted = (runIds: string[]) =>
    setSelected((current) => new Set([...current].filter((id) => !runIds.includes(id))));
  return (
    <div className="section">
      <RunFiltersBar
        search={search}
        onChange={onSearchChange}
        showPipeline={!pipelineId}
        filterError={badFilterMessage(runs.error)}
      />
      <div className="row" style={{ justifyContent: "space-between" }}>
        <ColumnPicker search={search} onSearchChange={onSearchChange} />
        <SavedViewsMenu search={search} onSearchChange={onSearchChange} />
      </div>
      <div className="row">
        <CompareSelected runs={selectedRuns} />
        {canDelete ? <BulkDelete runs={selectedRuns} onDeleted={dropDeleted} /> : null}
      </div>
      <div className="card">
        <QueryView query={runs} loadingLabel="Loading runs…" errorTitle="Could not load the runs">
          {(page) =>
            page.items.length === 0 ? (
              hasFilters(search) ? (
                <EmptyState title="No run matches these filters">
                  <button type="button" className="button" onClick={() => onSearchChange({})}>
                    Clear filters
                  </button>
                </EmptyState>
              ) : (
                <EmptyState title="No runs yet">
                  Call a pipeline function in Python (or run <code>make demo</code>) and its run
                  appears here live.
                </EmptyState>
              )
            ) : (
              <RunsTable
                runs={page.items}
                search={search}
                onSearchChange={onSearchChange}
                showPipeline={!pipelineId}
                // Every role selects (to compare); only writers also get delete.
                selection={{
                  selected,
                  onChange: setSelected,
                  rowLabel: (run) => `run ${run.name}`,
                }}
              />
            )
          }
        </QueryView>
      </div>
      {runs.data && runs.data.total > 0 ? (
        <Pagination
          page={runs.data.index}
          totalPages={runs.data.total_pages}
          total={runs.data.total}
          onPage={(page) => onSearchChange({ ...search, page: page > 1 ? page : undefined })}
        />
      ) : null}
    </div>
  );
}
