import { Link } from "@tanstack/react-router";
import { StatusBadge } from "@/components/ui/status-badge";
import { usePipelineSummary } from "@/features/pipelines/api/get-pipeline-summary";
import { formatCount, formatDateTime, formatRelativeTime } from "@/lib/format";

export interface PipelineRowSummaryProps {
  pipelineId: string;
}

/** The run count, last status and last run of one pipeline, loaded per row. */
export function PipelineRowSummary({ pipelineId }: PipelineRowSummaryProps) {
  const summary = usePipelineSummary(pipelineId);
  if (summary.isPending)
    return <div className="skeleton" style={{ width: 220 }} role="status" aria-label="Loading" />;
  if (summary.isError) return <span className="muted">Could not load its runs</span>;
  const { runCount, lastRun } = summary.data;
  if (!lastRun) return <span className="muted">No runs yet</span>;
  return (
    <span className="row" style={{ gap: 14 }}>
      <span style={{ minWidth: 64 }}>
        {formatCount(runCount)} {runCount === 1 ? "run" : "runs"}
      </span>
      <StatusBadge status={lastRun.status} />
      <Link to="/runs/$runId" params={{ runId: lastRun.id }} onClick={(e) => e.stopPropagation()}>
        {lastRun.name}
      </Link>
      <span className="muted" title={formatDateTime(lastRun.created)}>
        {formatRelativeTime(lastRun.created)}
      </span>
    </span>
  );
}
