import { Link } from "@tanstack/react-router";
import type { PipelineRun } from "@/api/types";
import { type Column, DataTable } from "@/components/ui/data-table";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { useStackRuns } from "@/features/stacks/api/list-stack-runs";
import { formatDateTime, formatDuration, secondsBetween } from "@/lib/format";

const RUNS_SHOWN = 20;

export interface StackRunsProps {
  stackId: string;
}

const COLUMNS: Column<PipelineRun>[] = [
  {
    key: "name",
    header: "Run",
    render: (r) => (
      <Link to="/runs/$runId" params={{ runId: r.id }}>
        {r.name}
      </Link>
    ),
  },
  { key: "pipeline", header: "Pipeline", render: (r) => r.pipeline_name },
  { key: "status", header: "Status", render: (r) => <StatusBadge status={r.status} /> },
  { key: "created", header: "Started", render: (r) => formatDateTime(r.started ?? r.created) },
  {
    key: "duration",
    header: "Duration",
    numeric: true,
    render: (r) => formatDuration(secondsBetween(r.started, r.ended)),
  },
];

/** The latest runs that executed on a stack. */
export function StackRuns({ stackId }: StackRunsProps) {
  const runs = useStackRuns(stackId, RUNS_SHOWN);
  return (
    <QueryView query={runs} loadingLabel="Loading runs…" errorTitle="Could not load the runs">
      {(page) =>
        page.items.length === 0 ? (
          <EmptyState title="No runs on this stack yet">
            Set it active, or run with <code>HEADWATER_STACK</code> naming it.
          </EmptyState>
        ) : (
          <DataTable
            label="Runs on this stack"
            columns={COLUMNS}
            rows={page.items}
            rowKey={(r) => r.id}
          />
        )
      }
    </QueryView>
  );
}
